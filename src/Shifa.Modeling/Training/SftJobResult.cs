namespace Shifa.Modeling.Training;

/// <summary>Outcome of <see cref="SftJob.Run"/>.</summary>
/// <param name="OutputDirectory">The model folder written.</param>
/// <param name="Summary">Run summary (also in <c>training_metrics.json</c>).</param>
/// <param name="Metrics">Per-step metrics.</param>
public sealed record SftJobResult(string OutputDirectory, TrainingSummary Summary, IReadOnlyList<TrainingMetric> Metrics);
