namespace Shifa.Synthesis.Engine;

/// <summary>How <see cref="ChatItemGenerator"/> asks and how often it re-asks after unusable output.</summary>
public sealed record ChatGenerationOptions
{
    /// <summary>Provider name written to provenance.</summary>
    public required string Provider { get; init; }

    /// <summary>Model id sent with each request.</summary>
    public required string Model { get; init; }

    /// <summary>Calls per item when output is malformed, truncated or of the wrong schema.</summary>
    public int MaxParseAttempts { get; init => field = value is >= 1 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(MaxParseAttempts), value, "Use 1 to 10 attempts."); } = 3;

    /// <summary>Output token limit per call.</summary>
    public int MaxOutputTokens { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxOutputTokens), value, "The limit must be positive."); } = 4096;

    /// <summary>Sampling temperature.</summary>
    public float? Temperature { get; init; } = 0.9f;

    /// <summary>Ask the provider to enforce the JSON schema (else plain JSON mode); output is validated either way.</summary>
    public bool EnforceSchema { get; init; } = true;
}
