namespace Shifa.Modeling.Training;

/// <summary>One logged optimizer step.</summary>
/// <param name="Step">1-based optimizer step.</param>
/// <param name="Epoch">Epoch the step belongs to (fractional progress).</param>
/// <param name="LearningRate">Rate used for the step.</param>
/// <param name="TrainLoss">Mean loss per answer token over the step's micro-batches.</param>
/// <param name="ValidationLoss">Mean validation loss per answer token, when evaluated at this step.</param>
/// <param name="GradientNorm">Global gradient norm before clipping.</param>
/// <param name="TokensPerSecond">Input tokens processed per second in this step.</param>
/// <param name="ElapsedSeconds">Wall time since the run (or resume) started.</param>
public sealed record TrainingMetric(
    int Step, double Epoch, double LearningRate, double TrainLoss, double? ValidationLoss,
    double GradientNorm, double TokensPerSecond, double ElapsedSeconds);
