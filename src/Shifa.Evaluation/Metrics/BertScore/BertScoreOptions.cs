namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>BERTScore settings.</summary>
public sealed record BertScoreOptions
{
    private readonly int _batchSize = 64;

    /// <summary>Weight tokens by idf computed over the reference set (bert_score's <c>idf=True</c>).</summary>
    public bool Idf { get; init; }

    /// <summary>Rescale P/R/F with <see cref="Baseline"/>; asking for it without a baseline is an error.</summary>
    public bool Rescale { get; init; }

    /// <summary>Baseline values for rescaling (for the encoder's model and layer).</summary>
    public BertScoreBaseline? Baseline { get; init; }

    /// <summary>Sentences encoded per model call.</summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BatchSize), value, "Batch size must be at least 1.");
    }
}
