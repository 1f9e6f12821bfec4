namespace Shifa.Modeling.Tokenization;

/// <summary>Settings for <see cref="BpeTrainer"/>.</summary>
public sealed record BpeTrainerOptions
{
    private readonly int _vocabularySize = 4096;
    private readonly int _minPairFrequency = 2;
    private readonly IReadOnlyList<string> _specialTokens = SpecialTokenNames.All;

    /// <summary>Final vocabulary size: 256 bytes + learnt merges + special tokens.</summary>
    public int VocabularySize
    {
        get => _vocabularySize;
        init => _vocabularySize = value >= 256
            ? value
            : throw new ArgumentOutOfRangeException(nameof(VocabularySize), value, "The vocabulary must hold at least the 256 byte tokens; use 256 or more.");
    }

    /// <summary>Stop merging when the most frequent pair occurs fewer times than this.</summary>
    public int MinPairFrequency
    {
        get => _minPairFrequency;
        init => _minPairFrequency = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinPairFrequency), value, "The minimum pair frequency must be at least 1.");
    }

    /// <summary>Special tokens, given ids after the learnt tokens in this order.</summary>
    public IReadOnlyList<string> SpecialTokens
    {
        get => _specialTokens;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Any(string.IsNullOrEmpty) || value.Distinct(StringComparer.Ordinal).Count() != value.Count)
            {
                throw new ArgumentException("Special tokens must be non-empty and distinct.", nameof(SpecialTokens));
            }

            _specialTokens = value;
        }
    }
}
