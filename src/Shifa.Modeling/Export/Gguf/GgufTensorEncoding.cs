// Byte encodings of ggml's F32, F16 and Q8_0 tensor types (ggml-quants.c's reference quantizer for Q8_0).
namespace Shifa.Modeling.Export.Gguf;

/// <summary>Encodes float data as the bytes of a GGUF tensor and decodes them back (used to check quantisation error).</summary>
public static class GgufTensorEncoding
{
    /// <summary>Values per Q8_0 block.</summary>
    public const int Q8BlockSize = 32;

    private const int Q8BlockBytes = 2 + Q8BlockSize;

    /// <summary>Bytes that <paramref name="count"/> values take in <paramref name="type"/>.</summary>
    public static long ByteCount(GgufTensorType type, long count) => type switch
    {
        GgufTensorType.F32 => count * 4,
        GgufTensorType.F16 => count * 2,
        GgufTensorType.Q8_0 => count / Q8BlockSize * Q8BlockBytes,
        _ => throw new NotSupportedException($"Tensor type {type} is not written by Shifa."),
    };

    /// <summary>Writes <paramref name="data"/> in <paramref name="type"/>.</summary>
    public static void Write(BinaryWriter w, GgufTensorType type, float[] data)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(data);
        switch (type)
        {
            case GgufTensorType.F32:
                foreach (float v in data) w.Write(v);
                break;
            case GgufTensorType.F16:
                foreach (float v in data) w.Write(BitConverter.HalfToUInt16Bits((Half)v));
                break;
            case GgufTensorType.Q8_0:
                Span<sbyte> quants = stackalloc sbyte[Q8BlockSize];
                for (int start = 0; start < data.Length; start += Q8BlockSize)
                {
                    Half scale = QuantizeBlock(data.AsSpan(start, Q8BlockSize), quants);
                    w.Write(BitConverter.HalfToUInt16Bits(scale));
                    foreach (sbyte q in quants) w.Write(q);
                }
                break;
            default:
                throw new NotSupportedException($"Tensor type {type} is not written by Shifa.");
        }
    }

    /// <summary>The values <paramref name="data"/> becomes after a round trip through <paramref name="type"/>.</summary>
    public static float[] RoundTrip(GgufTensorType type, float[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new float[data.Length];
        switch (type)
        {
            case GgufTensorType.F32:
                data.CopyTo(result, 0);
                break;
            case GgufTensorType.F16:
                for (int i = 0; i < data.Length; i++) result[i] = (float)(Half)data[i];
                break;
            case GgufTensorType.Q8_0:
                Span<sbyte> quants = stackalloc sbyte[Q8BlockSize];
                for (int start = 0; start < data.Length; start += Q8BlockSize)
                {
                    float scale = (float)QuantizeBlock(data.AsSpan(start, Q8BlockSize), quants);
                    for (int i = 0; i < Q8BlockSize; i++) result[start + i] = quants[i] * scale;
                }
                break;
            default:
                throw new NotSupportedException($"Tensor type {type} is not written by Shifa.");
        }
        return result;
    }

    // Same arithmetic as ggml's quantize_row_q8_0_ref: scale = max|x| / 127, q = round(x / scale).
    private static Half QuantizeBlock(ReadOnlySpan<float> block, Span<sbyte> quants)
    {
        float amax = 0;
        foreach (float v in block) amax = MathF.Max(amax, MathF.Abs(v));
        float d = amax / 127f;
        float id = d != 0 ? 1f / d : 0f;
        for (int i = 0; i < block.Length; i++) quants[i] = (sbyte)MathF.Round(block[i] * id, MidpointRounding.AwayFromZero);
        return (Half)d;
    }
}
