namespace Shifa.Synthesis.Batch;

/// <summary>What a batch run did.</summary>
/// <param name="Batches">Batches touched (created or resumed).</param>
/// <param name="Status">Status of the last batch touched, or <c>nothing to do</c>.</param>
/// <param name="Done">Items committed as done.</param>
/// <param name="Failed">Items committed as failed.</param>
/// <param name="Records">Records stored.</param>
/// <param name="CostUsd">Cost of the ingested results (batch prices).</param>
public sealed record BatchSummary(int Batches, string Status, int Done, int Failed, int Records, decimal CostUsd);
