namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>BERTScore precision, recall and F1 of one candidate.</summary>
/// <param name="P">Precision.</param>
/// <param name="R">Recall.</param>
/// <param name="F">F1.</param>
public readonly record struct BertScoreTriple(double P, double R, double F);
