namespace Shifa.Synthesis.Pipeline;

/// <summary>List prices of one model in USD per million tokens.</summary>
public sealed record ModelPrice
{
    /// <summary>Uncached input tokens.</summary>
    public decimal InputPerMTok { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(InputPerMTok), value, "Prices cannot be negative."); }

    /// <summary>Cached input tokens; the input price when null.</summary>
    public decimal? CachedInputPerMTok { get; init; }

    /// <summary>Output tokens (including reasoning/thinking tokens).</summary>
    public decimal OutputPerMTok { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(OutputPerMTok), value, "Prices cannot be negative."); }

    /// <summary>Prompt size above which the long-context prices apply (Gemini 2.5 Pro: 200k); null when the model has one tier.</summary>
    public long? LongContextThreshold { get; init; }

    /// <summary>Input price above <see cref="LongContextThreshold"/>.</summary>
    public decimal? LongInputPerMTok { get; init; }

    /// <summary>Cached input price above <see cref="LongContextThreshold"/>.</summary>
    public decimal? LongCachedInputPerMTok { get; init; }

    /// <summary>Output price above <see cref="LongContextThreshold"/>.</summary>
    public decimal? LongOutputPerMTok { get; init; }

    /// <summary>Multiplier for batch jobs (OpenAI Batch API: 0.5).</summary>
    public decimal BatchMultiplier { get; init; } = 1m;

    /// <summary>Cost of one response.</summary>
    public decimal Cost(TokenUsage usage, bool batch = false)
    {
        var isLong = LongContextThreshold is { } t && usage.Input > t;
        var input = isLong ? LongInputPerMTok ?? InputPerMTok : InputPerMTok;
        var cached = isLong ? LongCachedInputPerMTok ?? CachedInputPerMTok ?? input : CachedInputPerMTok ?? input;
        var output = isLong ? LongOutputPerMTok ?? OutputPerMTok : OutputPerMTok;
        var cachedTokens = Math.Min(usage.Cached, usage.Input);
        var cost = ((usage.Input - cachedTokens) * input + cachedTokens * cached + usage.BilledOutput * output) / 1_000_000m;
        return batch ? cost * BatchMultiplier : cost;
    }
}
