namespace Shifa.Synthesis.Engine;

/// <summary>What a run did.</summary>
/// <param name="Provider">Provider run.</param>
/// <param name="Selected">Items selected (pending, plus failed with retry).</param>
/// <param name="Done">Items completed and committed.</param>
/// <param name="Failed">Items that failed with a reason.</param>
/// <param name="NotStarted">Items left pending (budget reached or cancelled).</param>
/// <param name="Records">Records stored.</param>
/// <param name="CostUsd">Cost of the committed responses.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="StopReason">Why the run stopped early, or null.</param>
public sealed record RunSummary(string Provider, int Selected, int Done, int Failed, int NotStarted, int Records, decimal CostUsd, TimeSpan Elapsed, string? StopReason);
