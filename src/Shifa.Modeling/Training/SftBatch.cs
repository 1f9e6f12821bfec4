using static TorchSharp.torch;

namespace Shifa.Modeling.Training;

/// <summary>A batch ready for the model: input ids (batch, time) and targets (batch, time) with <see cref="SftDataCollator.IgnoreIndex"/> where no loss is taken.</summary>
/// <param name="InputIds">Token ids, int64 (batch, time).</param>
/// <param name="Targets">Next-token targets, int64 (batch, time).</param>
/// <param name="TokenCount">Number of input tokens (for tokens/s).</param>
/// <param name="LossTokenCount">Number of targets that carry loss.</param>
public sealed record SftBatch(Tensor InputIds, Tensor Targets, long TokenCount, long LossTokenCount) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        InputIds.Dispose();
        Targets.Dispose();
    }
}
