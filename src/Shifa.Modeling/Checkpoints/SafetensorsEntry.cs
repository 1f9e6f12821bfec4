namespace Shifa.Modeling.Checkpoints;

/// <summary>One tensor described in a safetensors header: dtype, shape and its byte range in the data section.</summary>
/// <param name="Name">Tensor name, e.g. <c>model.layers.0.self_attn.q_proj.weight</c>.</param>
/// <param name="DType">safetensors dtype name (F32, F16, BF16, ...).</param>
/// <param name="Shape">Tensor shape; empty for a scalar.</param>
/// <param name="Begin">Start offset in the data section (after the header).</param>
/// <param name="End">End offset (exclusive) in the data section.</param>
public sealed record SafetensorsEntry(string Name, string DType, long[] Shape, long Begin, long End)
{
    /// <summary>Number of elements (product of the shape).</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);
}
