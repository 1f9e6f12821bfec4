namespace Shifa.Evaluation.Reports;

/// <summary>One system (model × condition) with a cell per metric.</summary>
/// <param name="Model">Model name (or the system name outside ablations).</param>
/// <param name="Condition">Data condition (e.g. <c>original+offline</c>), or <c>-</c>.</param>
/// <param name="System">Stored system name.</param>
/// <param name="Cells">Metric → cell.</param>
public sealed record ReportRow(string Model, string Condition, string System, IReadOnlyDictionary<string, ReportCell> Cells);
