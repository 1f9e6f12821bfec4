// Hard spending caps: a request is sent only when spent + in-flight reservations + its worst case fit every cap.
namespace Shifa.Synthesis.Pipeline;

/// <summary>
/// Tracks spend for one provider's run against two optional caps: this provider's recorded spend, and the
/// workspace's recorded spend over all providers (a total budget). Each request reserves its worst-case
/// cost before it is sent and settles to the actual cost afterwards, so concurrent requests can never
/// overshoot either cap.
/// </summary>
/// <param name="capUsd">Cap on this provider's total spend; null for none.</param>
/// <param name="alreadySpentUsd">What this provider's earlier runs recorded.</param>
/// <param name="ledger">Where reservations and settlements are persisted, if anywhere.</param>
/// <param name="totalCapUsd">Cap on the spend of all providers together; null for none.</param>
/// <param name="alreadySpentAllProvidersUsd">What all providers' earlier runs recorded (this provider's included).</param>
public sealed class SpendBudget(decimal? capUsd, decimal alreadySpentUsd = 0m, ISpendLedger? ledger = null, decimal? totalCapUsd = null, decimal alreadySpentAllProvidersUsd = 0m)
{
    private readonly Lock _gate = new();
    private decimal _spentThisRun;
    private decimal _reserved;

    /// <summary>The provider's cap in USD; null for no cap.</summary>
    public decimal? CapUsd { get; } = capUsd;

    /// <summary>The cap on all providers together in USD; null for no cap.</summary>
    public decimal? TotalCapUsd { get; } = totalCapUsd;

    /// <summary>True when any cap applies (calls must then be priced).</summary>
    public bool IsCapped => CapUsd is not null || TotalCapUsd is not null;

    /// <summary>This provider's settled spend, including spend recorded by earlier runs.</summary>
    public decimal SpentUsd { get { lock (_gate) { return alreadySpentUsd + _spentThisRun; } } }

    /// <summary>All providers' settled spend: earlier runs' plus this run's.</summary>
    public decimal TotalSpentUsd { get { lock (_gate) { return alreadySpentAllProvidersUsd + _spentThisRun; } } }

    /// <summary>Reservations of requests in flight.</summary>
    public decimal ReservedUsd { get { lock (_gate) { return _reserved; } } }

    /// <summary>Reserves <paramref name="amountUsd"/> or throws <see cref="BudgetExceededException"/>.</summary>
    public SpendReservation Reserve(decimal amountUsd, string provider, string? model)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            var mine = alreadySpentUsd + _spentThisRun + _reserved;
            if (CapUsd is { } cap && mine + amountUsd > cap)
            {
                throw new BudgetExceededException(cap, mine, amountUsd);
            }

            var all = alreadySpentAllProvidersUsd + _spentThisRun + _reserved;
            if (TotalCapUsd is { } total && all + amountUsd > total)
            {
                throw new BudgetExceededException(total, all, amountUsd, acrossProviders: true);
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
            _spentThisRun += actualUsd;
            ledger?.Settle(reservation.Id, actualUsd);
        }
    }
}
