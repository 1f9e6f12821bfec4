namespace Shifa.Evaluation.Reports;

/// <summary>Difference of a metric mean against the baseline with an approximate-randomization p-value.</summary>
/// <param name="Delta">System mean − baseline mean.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Significant">p below the report's alpha.</param>
public sealed record DeltaCell(double Delta, double PValue, bool Significant);
