// Linear warmup then cosine decay to a floor (nanoGPT's get_lr), as a pure function of the step.
namespace Shifa.Modeling.Training;

/// <summary>
/// The learning rate at an optimizer step: linear warmup from 0 to <see cref="MaxLearningRate"/> over
/// <see cref="WarmupSteps"/>, then cosine decay to <see cref="MinLearningRate"/> at
/// <see cref="TotalSteps"/>, and the floor after that. Pure, so a resumed run gets the same rates.
/// </summary>
/// <param name="MaxLearningRate">Peak rate reached at the end of warmup.</param>
/// <param name="MinLearningRate">Floor reached at the last step.</param>
/// <param name="WarmupSteps">Steps of linear warmup.</param>
/// <param name="TotalSteps">Steps of the whole run.</param>
public sealed record LearningRateSchedule(double MaxLearningRate, double MinLearningRate, int WarmupSteps, int TotalSteps)
{
    /// <summary>Rate for optimizer step <paramref name="step"/> (0-based).</summary>
    public double At(int step)
    {
        if (step < WarmupSteps)
        {
            // (step + 1) so the first step already moves the weights.
            return MaxLearningRate * (step + 1) / WarmupSteps;
        }

        if (step >= TotalSteps)
        {
            return MinLearningRate;
        }

        var decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        var progress = (double)(step - WarmupSteps) / decaySteps;
        var cosine = 0.5 * (1.0 + Math.Cos(Math.PI * progress));
        return MinLearningRate + cosine * (MaxLearningRate - MinLearningRate);
    }
}
