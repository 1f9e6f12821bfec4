// Rotary position embedding (Su et al. 2021) in Hugging Face LLaMA's rotate-half layout.
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Llama;

/// <summary>Rotary tables and their application; the two halves of each head are rotated as pairs (i, i + d/2).</summary>
public static class RotaryEmbedding
{
    /// <summary>cos and sin tables (time, head_dim) for positions past .. past + time − 1.</summary>
    public static (Tensor Cos, Tensor Sin) CosSin(long past, long time, int headDim, double theta, Device device)
    {
        var exponents = arange(0, headDim, 2, dtype: ScalarType.Float32, device: device).div(headDim);  // (hd/2)
        var inverseFrequencies = pow(theta, exponents).reciprocal();                                      // (hd/2)
        var positions = arange(past, past + time, dtype: ScalarType.Float32, device: device);            // (T)
        var angles = outer(positions, inverseFrequencies);                                                // (T, hd/2)
        var table = cat([angles, angles], 1);                                                             // (T, hd)
        return (table.cos(), table.sin());
    }

    /// <summary>Rotates <paramref name="x"/> (batch, heads, time, head_dim) by the tables.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        long half = x.shape[^1] / 2;
        var first = x.narrow(-1, 0, half);                                    // (B, H, T, hd/2)
        var second = x.narrow(-1, half, half);                                // (B, H, T, hd/2)
        var rotated = cat([second.neg(), first], -1);                         // (B, H, T, hd)
        return x.mul(cos.to_type(x.dtype)).add(rotated.mul(sin.to_type(x.dtype)));
    }
}
