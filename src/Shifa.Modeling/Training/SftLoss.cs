// Next-token cross-entropy over answer positions only.
using static TorchSharp.torch;

namespace Shifa.Modeling.Training;

/// <summary>Cross-entropy of logits against targets, skipping <see cref="SftDataCollator.IgnoreIndex"/>.</summary>
public static class SftLoss
{
    /// <summary>Sum of per-token losses over targets that carry loss (divide by the token count for the mean).</summary>
    /// <param name="logits">Model output (batch, time, vocab).</param>
    /// <param name="targets">Targets (batch, time).</param>
    public static Tensor Sum(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        var vocab = logits.shape[^1];
        // (batch, time, vocab) -> (batch * time, vocab); logits upcast so bf16 compute still sums in fp32
        using var flat = logits.reshape(-1, vocab).to_type(ScalarType.Float32);
        // (batch, time) -> (batch * time)
        using var flatTargets = targets.reshape(-1);
        return nn.functional.cross_entropy(flat, flatTargets, ignore_index: SftDataCollator.IgnoreIndex, reduction: nn.Reduction.Sum);
    }

    /// <summary>Mean loss per answer token.</summary>
    public static Tensor Mean(Tensor logits, Tensor targets)
    {
        using var sum = Sum(logits, targets);
        var count = targets.ne(SftDataCollator.IgnoreIndex).sum().item<long>();
        return sum / Math.Max(1, count);
    }
}
