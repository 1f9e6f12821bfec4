namespace Shifa.Evaluation.Metrics.Bleu;

/// <summary>BLEU settings with sacrebleu's defaults (13a, exp smoothing, order 4).</summary>
public sealed record BleuOptions
{
    private readonly int _maxOrder = 4;
    private readonly double? _smoothValue;

    /// <summary>Settings for sentence-level BLEU as sacrebleu's <c>sentence_bleu</c>: effective order on.</summary>
    public static BleuOptions SentenceLevel { get; } = new() { EffectiveOrder = true };

    /// <summary>Tokenizer; use <see cref="BleuTokenization.International"/> for Arabic.</summary>
    public BleuTokenization Tokenization { get; init; } = BleuTokenization.Mteval13a;

    /// <summary>Smoothing method.</summary>
    public BleuSmoothing Smoothing { get; init; } = BleuSmoothing.Exp;

    /// <summary>Value for floor (default 0.1) or add-k (default 1); null uses the default.</summary>
    public double? SmoothValue
    {
        get => _smoothValue;
        init => _smoothValue = value is null or >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SmoothValue), value, "Smoothing value must be non-negative.");
    }

    /// <summary>Largest n-gram order (default 4).</summary>
    public int MaxOrder
    {
        get => _maxOrder;
        init => _maxOrder = value is >= 1 and <= 16
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxOrder), value, "BLEU n-gram order must be between 1 and 16 (standard: 4).");
    }

    /// <summary>Stop at the highest order with any hypothesis n-gram (needed for sentence BLEU).</summary>
    public bool EffectiveOrder { get; init; }

    /// <summary>Lowercase before tokenizing.</summary>
    public bool Lowercase { get; init; }

    /// <summary>Optional normalization applied to both sides first.</summary>
    public MetricNormalizer? Normalizer { get; init; }
}
