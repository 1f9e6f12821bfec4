// GPT-2 causal self-attention (nanoGPT's CausalSelfAttention with Hugging Face names).
using Shifa.Modeling.Generation;
using Shifa.Modeling.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Gpt2;

/// <summary>GPT-2 multi-head causal self-attention: fused <c>c_attn</c> (q, k, v) and output <c>c_proj</c>.</summary>
public sealed class Gpt2Attention : nn.Module
{
#pragma warning disable IDE1006
    private readonly AdaptableLinear c_attn;
    private readonly AdaptableLinear c_proj;
#pragma warning restore IDE1006
    private readonly int _heads;

    /// <summary>Builds the attention with nanoGPT's scaled init for the residual projection.</summary>
    public Gpt2Attention(ModelConfig config) : base(nameof(Gpt2Attention))
    {
        _heads = config.NumHeads;
        c_attn = new AdaptableLinear(config.HiddenSize, 3L * config.HiddenSize, hasBias: true, weightIsInputMajor: true,
            initStd: config.InitializerRange);
        c_proj = new AdaptableLinear(config.HiddenSize, config.HiddenSize, hasBias: true, weightIsInputMajor: true,
            initStd: config.InitializerRange / Math.Sqrt(2.0 * config.NumLayers));
        RegisterComponents();
    }

    /// <summary>Attention over (batch, time, hidden), appending this step's keys/values to the cache.</summary>
    public Tensor Forward(Tensor x, Tensor? mask, KvCache? cache, int layer)
    {
        long batch = x.shape[0], time = x.shape[1], hidden = x.shape[2], headDim = hidden / _heads;
        var qkv = c_attn.forward(x).split(hidden, 2);                              // 3 × (B, T, C)
        var q = qkv[0].view(batch, time, _heads, headDim).transpose(1, 2);         // (B, H, T, hd)
        var k = qkv[1].view(batch, time, _heads, headDim).transpose(1, 2);         // (B, H, T, hd)
        var v = qkv[2].view(batch, time, _heads, headDim).transpose(1, 2);         // (B, H, T, hd)
        if (cache is not null) (k, v) = cache.Append(layer, k, v);                 // (B, H, past + T, hd)
        var y = Autocast.ScaledDotProductAttention(q, k, v, mask,
            isCausal: mask is null && time > 1);                      // (B, H, T, hd)
        y = y.transpose(1, 2).contiguous().view(batch, time, hidden);              // (B, T, C)
        return c_proj.forward(y);
    }
}
