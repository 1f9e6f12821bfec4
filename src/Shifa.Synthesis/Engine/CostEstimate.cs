namespace Shifa.Synthesis.Engine;

/// <summary>Estimated tokens and cost of pending items (for <c>--dry-run</c>).</summary>
/// <param name="Items">Items estimated.</param>
/// <param name="InputTokens">Typical prompt tokens (about three characters per token).</param>
/// <param name="OutputTokens">Expected output tokens (pairs × tokens per pair).</param>
/// <param name="CostUsd">Expected cost at list prices.</param>
/// <param name="WorstCaseUsd">Cost if every prompt were billed at its byte upper bound and every answer hit the output limit: what the budget reserves.</param>
public sealed record CostEstimate(int Items, long InputTokens, long OutputTokens, decimal CostUsd, decimal WorstCaseUsd);
