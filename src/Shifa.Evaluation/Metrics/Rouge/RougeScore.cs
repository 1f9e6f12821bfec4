namespace Shifa.Evaluation.Metrics.Rouge;

/// <summary>ROUGE precision, recall and F-measure on the 0–1 scale.</summary>
/// <param name="Precision">LCS length over prediction tokens.</param>
/// <param name="Recall">LCS length over target tokens.</param>
/// <param name="FMeasure">Harmonic mean of precision and recall.</param>
/// <param name="Signature">What ran.</param>
public sealed record RougeScore(double Precision, double Recall, double FMeasure, string Signature);
