namespace Shifa.Modeling.Training;

/// <summary>Reported after every optimizer step.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="TotalSteps">Steps planned.</param>
/// <param name="Metric">The step's numbers.</param>
public sealed record TrainingProgress(int Step, int TotalSteps, TrainingMetric Metric);
