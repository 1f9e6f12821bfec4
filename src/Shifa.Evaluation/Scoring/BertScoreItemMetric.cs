using Shifa.Evaluation.Metrics.BertScore;

namespace Shifa.Evaluation.Scoring;

/// <summary>BERTScore P, R and F1 per item.</summary>
public sealed class BertScoreItemMetric(BertScorer scorer) : IItemMetric
{
    /// <inheritdoc/>
    public IReadOnlyList<string> Names { get; } = ["bertscore_p", "bertscore_r", "bertscore_f1"];

    /// <inheritdoc/>
    public string Signature => scorer.Signature;

    /// <inheritdoc/>
    public IReadOnlyList<double[]> Score(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references)
    {
        var result = scorer.Score(hypotheses, references);
        return
        [
            result.Items.Select(s => s.P).ToArray(),
            result.Items.Select(s => s.R).ToArray(),
            result.Items.Select(s => s.F).ToArray(),
        ];
    }
}
