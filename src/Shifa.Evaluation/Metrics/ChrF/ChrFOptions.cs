namespace Shifa.Evaluation.Metrics.ChrF;

/// <summary>
/// Settings of chrF / chrF++ with sacrebleu's defaults (character order 6, word order 0, beta 2,
/// whitespace excluded from character n-grams, effective-order averaging).
/// </summary>
public sealed record ChrFOptions
{
    private readonly int _charOrder = 6;
    private readonly int _wordOrder;
    private readonly int _beta = 2;

    /// <summary>chrF++ settings: word order 2.</summary>
    public static ChrFOptions ChrFPlusPlus { get; } = new() { WordOrder = 2 };

    /// <summary>Maximum character n-gram order (sacrebleu: 6).</summary>
    public int CharOrder
    {
        get => _charOrder;
        init => _charOrder = value is >= 1 and <= 32
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CharOrder), value, "Character order must be between 1 and 32 (sacrebleu uses 6).");
    }

    /// <summary>Maximum word n-gram order: 0 for chrF, 2 for chrF++.</summary>
    public int WordOrder
    {
        get => _wordOrder;
        init => _wordOrder = value is >= 0 and <= 8
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WordOrder), value, "Word order must be between 0 and 8 (0 = chrF, 2 = chrF++).");
    }

    /// <summary>Recall weight β (sacrebleu: 2).</summary>
    public int Beta
    {
        get => _beta;
        init => _beta = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Beta), value, "Beta must be at least 1 (sacrebleu uses 2).");
    }

    /// <summary>Lowercase both sides before scoring.</summary>
    public bool Lowercase { get; init; }

    /// <summary>Keep whitespace inside character n-grams (sacrebleu default: removed).</summary>
    public bool Whitespace { get; init; }

    /// <summary>
    /// chrF++.py / NLTK epsilon smoothing over all orders. When false (sacrebleu's default), precision
    /// and recall are averaged only over orders where both sides have n-grams (effective order).
    /// </summary>
    public bool EpsSmoothing { get; init; }

    /// <summary>Optional normalization applied to both sides first.</summary>
    public MetricNormalizer? Normalizer { get; init; }
}
