namespace Shifa.Evaluation.Reports;

/// <summary>A metric mean with its bootstrap 95% interval; <see cref="Best"/> marks the column's best row.</summary>
/// <param name="Mean">Mean over test items.</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
/// <param name="Best">Highest mean in its column.</param>
public sealed record ReportCell(double Mean, double Lower, double Upper, bool Best);
