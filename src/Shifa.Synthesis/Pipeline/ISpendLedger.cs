namespace Shifa.Synthesis.Pipeline;

/// <summary>Persists reservations and settlements so spend survives a killed process.</summary>
public interface ISpendLedger
{
    /// <summary>Writes a reservation of <paramref name="amountUsd"/> before a request is sent.</summary>
    void Reserve(string id, string provider, string? model, decimal amountUsd);

    /// <summary>Replaces the reservation with the actual cost once the response is in.</summary>
    void Settle(string id, decimal amountUsd);
}
