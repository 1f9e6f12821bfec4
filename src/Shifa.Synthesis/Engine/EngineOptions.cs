namespace Shifa.Synthesis.Engine;

/// <summary>Options of one <see cref="SynthesisEngine"/> run.</summary>
public sealed record EngineOptions
{
    /// <summary>Provider whose pending items are run.</summary>
    public required string Provider { get; init; }

    /// <summary>Items processed at once.</summary>
    public int MaxConcurrency { get; init => field = value is >= 1 and <= 1024 ? value : throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), value, "Use 1 to 1024 concurrent items."); } = 8;

    /// <summary>At most this many items this run (null: all pending).</summary>
    public int? MaxItems { get; init => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxItems), value, "--count must be positive."); }

    /// <summary>Also re-run items that failed in earlier runs.</summary>
    public bool RetryFailed { get; init; }
}
