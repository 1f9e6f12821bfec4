using static TorchSharp.torch;

namespace Shifa.Modeling.Tests;

internal static class TensorAssert
{
    /// <summary>Same dtype, same shape, bit-for-bit the same values.</summary>
    public static void Identical(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        using var differ = expected.ne(actual).any();
        Assert.False(differ.item<bool>(), $"{what}: values differ (max |Δ| = {expected.to_type(ScalarType.Float64).sub(actual.to_type(ScalarType.Float64)).abs().max().item<double>()})");
    }
}
