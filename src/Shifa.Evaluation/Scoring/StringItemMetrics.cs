// Item-level adapters for the string metrics (sentence chrF, sentence BLEU, ROUGE-L).
using Shifa.Evaluation.Metrics;
using Shifa.Evaluation.Metrics.Bleu;
using Shifa.Evaluation.Metrics.ChrF;
using Shifa.Evaluation.Metrics.Rouge;

namespace Shifa.Evaluation.Scoring;

/// <summary>Builds item metrics by name: <c>chrf</c>, <c>chrf++</c>, <c>bleu</c>, <c>rougeL</c>.</summary>
public static class StringItemMetrics
{
    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Known { get; } = ["chrf", "chrf++", "bleu", "rougeL"];

    /// <summary>Creates the metric; <paramref name="normalizer"/> is applied to both sides when given.</summary>
    public static IItemMetric Create(string name, MetricNormalizer? normalizer = null) => name switch
    {
        "chrf" => new ChrFItems(new ChrF(new ChrFOptions { Normalizer = normalizer }), "chrF2"),
        "chrf++" => new ChrFItems(new ChrF(ChrFOptions.ChrFPlusPlus with { Normalizer = normalizer }), "chrF2++"),
        "bleu" => new BleuItems(new Bleu(BleuOptions.SentenceLevel with { Tokenization = BleuTokenization.International, Normalizer = normalizer })),
        "rougeL" => new RougeItems(new RougeL(new RougeLOptions { Normalizer = normalizer })),
        _ => throw new ArgumentException($"Unknown metric '{name}'. Known: {string.Join(", ", Known)}, bertscore.", nameof(name)),
    };

    private sealed class ChrFItems(ChrF metric, string name) : IItemMetric
    {
        public IReadOnlyList<string> Names { get; } = [name];

        public string Signature => metric.Signature;

        public IReadOnlyList<double[]> Score(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references) =>
            [hypotheses.Select((h, i) => metric.Sentence(h, references[i]).Score).ToArray()];
    }

    private sealed class BleuItems(Bleu metric) : IItemMetric
    {
        public IReadOnlyList<string> Names { get; } = ["bleu"];

        public string Signature => metric.Signature;

        public IReadOnlyList<double[]> Score(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references) =>
            [hypotheses.Select((h, i) => metric.Sentence(h, references[i]).Score).ToArray()];
    }

    private sealed class RougeItems(RougeL metric) : IItemMetric
    {
        public IReadOnlyList<string> Names { get; } = ["rougeL"];

        public string Signature => metric.Signature;

        public IReadOnlyList<double[]> Score(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references) =>
            [hypotheses.Select((h, i) => metric.Sentence(h, references[i]).FMeasure).ToArray()];
    }
}
