namespace Shifa.Evaluation.Metrics.Rouge;

/// <summary>ROUGE-L settings.</summary>
public sealed record RougeLOptions
{
    /// <summary>Tokenizer; the default keeps Arabic.</summary>
    public RougeTokenization Tokenization { get; init; } = RougeTokenization.Unicode;

    /// <summary>Optional normalization applied to both sides before tokenizing.</summary>
    public MetricNormalizer? Normalizer { get; init; }
}
