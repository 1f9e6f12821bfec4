namespace Shifa.Synthesis.Pipeline;

/// <summary>An in-flight request's reserved worst-case cost.</summary>
/// <param name="Id">Ledger row id.</param>
/// <param name="AmountUsd">Reserved amount.</param>
public sealed record SpendReservation(string Id, decimal AmountUsd);
