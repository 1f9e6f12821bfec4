// Mixed-precision compute for the matmul-heavy operations, in the manner of torch.autocast (which TorchSharp 0.107 lacks).
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures;

/// <summary>
/// A thread-local compute precision for projections, like <c>torch.autocast</c>: inside <see cref="Enter"/> with
/// bfloat16, <see cref="Linear"/> and <see cref="MatMul"/> cast their operands to bfloat16, multiply there and return
/// bfloat16. Parameters stay float32: the casts are ordinary differentiable operations, so their gradients arrive
/// in float32 and the optimizer updates float32 master weights.
/// </summary>
/// <remarks>
/// The projections go through here (every <see cref="Lora.AdaptableLinear"/>, LoRA paths included, and the
/// output heads), and attention through <see cref="ScaledDotProductAttention"/>.
/// Everything that needs range or many-term sums stays float32 as under <c>torch.autocast</c>: the residual stream
/// (float32 + bfloat16 promotes to float32), RMSNorm and LayerNorm (fed the float32 stream; RMSNorm upcasts anyway),
/// and the loss (<see cref="Training.SftLoss"/> upcasts the logits before the softmax). Outside a scope nothing is cast,
/// so generation and evaluation compute exactly as before. State is per thread, as torch's autocast state is.
/// </remarks>
public static class Autocast
{
    [ThreadStatic]
    private static ScalarType? t_computeType;

    /// <summary>The compute type of the current scope on this thread, or null when there is none (float32 as stored).</summary>
    public static ScalarType? ComputeType => t_computeType;

    /// <summary>
    /// Starts computing projections in <paramref name="computeType"/> on this thread until the returned scope is
    /// disposed; null leaves compute as it is stored. Scopes nest and restore the previous type.
    /// </summary>
    public static Scope Enter(ScalarType? computeType)
    {
        if (computeType is { } type && type != ScalarType.BFloat16 && type != ScalarType.Float16 && type != ScalarType.Float32)
        {
            throw new ArgumentException($"Autocast computes in bfloat16, float16 or float32, not {type}.", nameof(computeType));
        }

        var previous = t_computeType;
        t_computeType = computeType;
        return new Scope(previous);
    }

    /// <summary><c>input · weightᵀ + bias</c> (weight <c>[out, in]</c>), in the scope's compute type when there is one.</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        if (t_computeType is not { } type) return nn.functional.linear(input, weight, bias);
        return nn.functional.linear(input.to_type(type), weight.to_type(type), bias?.to_type(type));
    }

    /// <summary><c>input · weight + bias</c> (weight <c>[in, out]</c>, GPT-2's Conv1D), in the scope's compute type when there is one.</summary>
    public static Tensor MatMul(Tensor input, Tensor weight, Tensor? bias = null)
    {
        if (t_computeType is not { } type) return bias is null ? input.matmul(weight) : input.matmul(weight).add(bias);
        var product = input.to_type(type).matmul(weight.to_type(type));
        return bias is null ? product : product.add(bias.to_type(type));
    }

    /// <summary>
    /// <c>scaled_dot_product_attention</c> (causal when <paramref name="isCausal"/>, else under <paramref name="mask"/>).
    /// Inside a scope on a GPU it runs in the compute type; on the CPU it runs in float32, because libtorch's CPU
    /// kernel is slower backwards in bfloat16 than in float32 (measured: 60% slower at 4 heads × 256 × 32, as in
    /// shifa-tiny, which made a bf16 step 20% slower overall) and attention is a small share of the FLOPs at these lengths.
    /// </summary>
    public static Tensor ScaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor? mask, bool isCausal)
    {
        if (t_computeType is { } type)
        {
            var attentionType = query.device_type == DeviceType.CPU ? ScalarType.Float32 : type;
            (query, key, value) = (query.to_type(attentionType), key.to_type(attentionType), value.to_type(attentionType));
        }

        return nn.functional.scaled_dot_product_attention(query, key, value, mask, 0.0, is_casual: isCausal);
    }

    /// <summary>Restores the previous compute type when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ScalarType? _previous;

        internal Scope(ScalarType? previous) => _previous = previous;

        /// <inheritdoc />
        public void Dispose() => t_computeType = _previous;
    }
}
