// One GPT-2 block: x + attn(ln_1(x)), then x + mlp(ln_2(x)).
using Shifa.Modeling.Generation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Gpt2;

/// <summary>Pre-LayerNorm transformer block with GPT-2's names (<c>ln_1</c>, <c>attn</c>, <c>ln_2</c>, <c>mlp</c>).</summary>
public sealed class Gpt2Block : nn.Module
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly LayerNorm ln_1;
    private readonly Gpt2Attention attn;
    private readonly LayerNorm ln_2;
    private readonly Gpt2Mlp mlp;
#pragma warning restore IDE1006

    /// <summary>Builds block <paramref name="index"/>.</summary>
    public Gpt2Block(ModelConfig config, int index) : base($"{nameof(Gpt2Block)}{index}")
    {
        ln_1 = nn.LayerNorm(config.HiddenSize, config.NormEpsilon);
        attn = new Gpt2Attention(config);
        ln_2 = nn.LayerNorm(config.HiddenSize, config.NormEpsilon);
        mlp = new Gpt2Mlp(config);
        RegisterComponents();
    }

    /// <summary>Applies the block to (batch, time, hidden).</summary>
    public Tensor Forward(Tensor x, Tensor? mask, KvCache? cache, int layer)
    {
        x = x.add(attn.Forward(ln_1.forward(x), mask, cache, layer));
        return x.add(mlp.forward(ln_2.forward(x)));
    }
}
