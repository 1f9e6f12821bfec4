using Shifa.Synthesis.Pipeline;

namespace Shifa.Synthesis.Engine;

/// <summary>One response (or failed call) for a work item, stored in <c>synth_responses</c>.</summary>
/// <param name="Attempt">1-based attempt number within the item.</param>
/// <param name="Outcome"><c>ok</c>, <c>invalid</c> (parsed or validated badly) or <c>error</c> (no usable response).</param>
/// <param name="ErrorKind">Machine-readable reason (<c>malformed_json</c>, <c>truncated</c>, <c>wrong_schema</c>, <c>http_429</c>, <c>timeout</c>...).</param>
/// <param name="Error">Human-readable reason.</param>
/// <param name="FinishReason">Finish reason the provider reported.</param>
/// <param name="Raw">Raw response text, kept for every outcome.</param>
/// <param name="Usage">Token counts, when reported.</param>
/// <param name="CostUsd">Cost of this response from the price table.</param>
/// <param name="LatencyMs">Provider latency of the call.</param>
/// <param name="Retried">Error kinds of transport-level retries made before this response (429, 5xx, timeouts...).</param>
public sealed record AttemptRecord(
    int Attempt,
    string Outcome,
    string? ErrorKind,
    string? Error,
    string? FinishReason,
    string? Raw,
    TokenUsage? Usage,
    decimal CostUsd,
    double? LatencyMs,
    IReadOnlyList<string>? Retried = null);
