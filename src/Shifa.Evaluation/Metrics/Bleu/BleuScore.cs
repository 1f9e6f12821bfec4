namespace Shifa.Evaluation.Metrics.Bleu;

/// <summary>A BLEU score (0–100) with its sufficient statistics.</summary>
/// <param name="Score">BLEU, 0–100.</param>
/// <param name="Counts">Matched n-grams per order.</param>
/// <param name="Totals">Hypothesis n-grams per order.</param>
/// <param name="Precisions">Per-order precisions in percent, after smoothing.</param>
/// <param name="BrevityPenalty">Brevity penalty.</param>
/// <param name="HypothesisLength">Hypothesis tokens.</param>
/// <param name="ReferenceLength">Closest reference tokens.</param>
/// <param name="Signature">What ran.</param>
public sealed record BleuScore(
    double Score,
    IReadOnlyList<double> Counts,
    IReadOnlyList<double> Totals,
    IReadOnlyList<double> Precisions,
    double BrevityPenalty,
    long HypothesisLength,
    long ReferenceLength,
    string Signature);
