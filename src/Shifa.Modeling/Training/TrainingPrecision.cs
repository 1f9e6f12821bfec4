namespace Shifa.Modeling.Training;

/// <summary>How a training run computes; weights, gradients and AdamW moments are float32 in every mode.</summary>
public enum TrainingPrecision
{
    /// <summary>Everything in float32.</summary>
    Fp32,

    /// <summary>
    /// Projections (linear layers with their LoRA paths, attention, output head) in bfloat16, like <c>torch.autocast</c>;
    /// norms, softmax, loss, residual stream, parameters, gradients and optimizer state in float32.
    /// </summary>
    Bf16,

    /// <summary><see cref="Bf16"/> where the hardware multiplies bfloat16 faster than float32, otherwise <see cref="Fp32"/>; see <see cref="TrainingPrecisions.Resolve"/>.</summary>
    Auto,
}
