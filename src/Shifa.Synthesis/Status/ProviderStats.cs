namespace Shifa.Synthesis.Status;

/// <summary>Synthesis statistics of one provider in a workspace.</summary>
/// <param name="Provider">Provider name.</param>
/// <param name="Done">Items done.</param>
/// <param name="Failed">Items failed.</param>
/// <param name="Pending">Items pending.</param>
/// <param name="Records">Records stored from this provider.</param>
/// <param name="Responses">Responses stored (usable or not).</param>
/// <param name="InputTokens">Prompt tokens over all responses.</param>
/// <param name="OutputTokens">Billed output tokens over all responses (Gemini thinking included).</param>
/// <param name="CostUsd">Cost of the stored responses.</param>
/// <param name="LedgerUsd">Spend ledger total: settled costs plus reservations a killed run never settled.</param>
/// <param name="ErrorKinds">Counts of error kinds: unusable responses, failed calls and retried transport errors.</param>
/// <param name="LatencyP50Ms">Median provider latency, null without responses.</param>
/// <param name="LatencyP95Ms">95th percentile latency, null without responses.</param>
public sealed record ProviderStats(
    string Provider, int Done, int Failed, int Pending, long Records, long Responses, long InputTokens, long OutputTokens,
    decimal CostUsd, decimal LedgerUsd, IReadOnlyDictionary<string, int> ErrorKinds, double? LatencyP50Ms, double? LatencyP95Ms);
