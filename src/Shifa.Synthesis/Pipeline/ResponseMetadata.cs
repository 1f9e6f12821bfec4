namespace Shifa.Synthesis.Pipeline;

/// <summary>Keys the pipeline layers put into <c>ChatResponse.AdditionalProperties</c>.</summary>
public static class ResponseMetadata
{
    /// <summary>Cost of the response in USD (decimal).</summary>
    public const string CostUsd = "shifa.cost_usd";

    /// <summary>Provider latency in milliseconds (double), without rate-limit waits or retries.</summary>
    public const string LatencyMs = "shifa.latency_ms";

    /// <summary>Error kinds of the retried attempts before this response (string[]).</summary>
    public const string Retried = "shifa.retried";
}
