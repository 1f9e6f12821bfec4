// Hard spending cap: a request is sent only when spent + in-flight reservations + its worst case fit.
namespace Shifa.Synthesis.Pipeline;

/// <summary>
/// Tracks spend for one provider. Each request reserves its worst-case cost before it is sent and
/// settles to the actual cost afterwards, so concurrent requests can never overshoot the cap.
/// </summary>
public sealed class SpendBudget(decimal? capUsd, decimal alreadySpentUsd = 0m, ISpendLedger? ledger = null)
{
    private readonly Lock _gate = new();
    private decimal _spent = alreadySpentUsd;
    private decimal _reserved;

    /// <summary>The cap in USD; null for no cap.</summary>
    public decimal? CapUsd { get; } = capUsd;

    /// <summary>Settled spend, including spend recorded by earlier runs.</summary>
    public decimal SpentUsd { get { lock (_gate) { return _spent; } } }

    /// <summary>Reservations of requests in flight.</summary>
    public decimal ReservedUsd { get { lock (_gate) { return _reserved; } } }

    /// <summary>Reserves <paramref name="amountUsd"/> or throws <see cref="BudgetExceededException"/>.</summary>
    public SpendReservation Reserve(decimal amountUsd, string provider, string? model)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            if (CapUsd is { } cap && _spent + _reserved + amountUsd > cap)
            {
                throw new BudgetExceededException(cap, _spent + _reserved, amountUsd);
            }

            _reserved += amountUsd;
            // Written inside the lock so a kill can never leave money in flight that no row accounts for.
            ledger?.Reserve(id, provider, model, amountUsd);
        }

        return new SpendReservation(id, amountUsd);
    }

    /// <summary>Turns a reservation into its actual cost (which must not exceed the reservation when a cap is set).</summary>
    public void Settle(SpendReservation reservation, decimal actualUsd)
    {
        lock (_gate)
        {
            _reserved -= reservation.AmountUsd;
            _spent += actualUsd;
            ledger?.Settle(reservation.Id, actualUsd);
        }
    }
}
