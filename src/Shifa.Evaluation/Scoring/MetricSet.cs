// Builds the item metrics a run asks for by name.
using Shifa.Core.Arabic;
using Shifa.Evaluation.Metrics;
using Shifa.Evaluation.Metrics.BertScore;

namespace Shifa.Evaluation.Scoring;

/// <summary>Creates item metrics by name, with BERTScore loaded from a model folder.</summary>
public static class MetricSet
{
    /// <summary>Shifa's Arabic matching normalizer as a metric normalizer.</summary>
    public static MetricNormalizer ArabicMatching { get; } = new("ar-match", ArabicNormalizer.ForMatching.Normalize);

    /// <summary>
    /// Metric objects for <paramref name="names"/>; the BERTScore encoder (if any) is returned so the
    /// caller can dispose it.
    /// </summary>
    public static (IReadOnlyList<IItemMetric> Metrics, IDisposable? Encoder) Create(
        IEnumerable<string> names,
        bool normalizeArabic,
        string? bertScoreModel = null,
        int? bertScoreLayer = null,
        bool bertScoreIdf = false,
        string? bertScoreBaseline = null)
    {
        var list = new List<IItemMetric>();
        TorchBertEncoder? encoder = null;
        foreach (var name in names)
        {
            if (name == "bertscore")
            {
                if (bertScoreModel is null)
                {
                    throw new ArgumentException("Metric 'bertscore' needs a BERT model folder (--bertscore-model).");
                }

                encoder = TorchBertEncoder.Load(bertScoreModel, bertScoreLayer);
                var baseline = bertScoreBaseline is null ? null : BertScoreBaseline.Load(bertScoreBaseline, encoder.Layer);
                list.Add(new BertScoreItemMetric(new BertScorer(encoder, new BertScoreOptions { Idf = bertScoreIdf, Rescale = baseline is not null, Baseline = baseline })));
            }
            else
            {
                list.Add(StringItemMetrics.Create(name, normalizeArabic ? ArabicMatching : null));
            }
        }

        return (list, encoder);
    }

    /// <summary>Stored metric names produced by <paramref name="metrics"/>, in order.</summary>
    public static IReadOnlyList<string> Columns(IEnumerable<IItemMetric> metrics) => metrics.SelectMany(m => m.Names).ToList();
}
