namespace Shifa.Evaluation.Reports;

/// <summary>Deltas of one model × condition against the same model on the baseline condition.</summary>
/// <param name="Model">Model.</param>
/// <param name="Condition">Condition compared.</param>
/// <param name="Baseline">Baseline condition (e.g. <c>original</c>).</param>
/// <param name="Cells">Metric → delta.</param>
public sealed record DeltaRow(string Model, string Condition, string Baseline, IReadOnlyDictionary<string, DeltaCell> Cells);
