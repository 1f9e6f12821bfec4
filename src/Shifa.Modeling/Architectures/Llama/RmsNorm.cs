// Root-mean-square layer norm (Zhang & Sennrich 2019) as in Hugging Face's LlamaRMSNorm.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Llama;

/// <summary><c>weight · x / sqrt(mean(x²) + ε)</c>, computed in float32 like Hugging Face, then cast back.</summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field name is the Hugging Face parameter name.
    private readonly Parameter weight;
#pragma warning restore IDE1006
    private readonly double _epsilon;

    /// <summary>Creates the norm with unit weights.</summary>
    public RmsNorm(long size, double epsilon) : base(nameof(RmsNorm))
    {
        weight = new Parameter(ones(size));
        _epsilon = epsilon;
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var x32 = x.to_type(ScalarType.Float32);
        var normed = x32.mul(x32.pow(2).mean([-1L], keepdim: true).add(_epsilon).rsqrt());
        return weight.mul(normed.to_type(x.dtype));
    }
}
