// LLaMA self-attention with rotary positions and grouped-query attention (q_proj, k_proj, v_proj, o_proj).
using Shifa.Modeling.Generation;
using Shifa.Modeling.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Llama;

/// <summary>
/// Causal self-attention: <see cref="ModelConfig.NumHeads"/> query heads share <see cref="ModelConfig.NumKeyValueHeads"/>
/// key/value heads; the cache stores the un-repeated key/value heads.
/// </summary>
public sealed class LlamaAttention : nn.Module
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly AdaptableLinear q_proj;
    private readonly AdaptableLinear k_proj;
    private readonly AdaptableLinear v_proj;
    private readonly AdaptableLinear o_proj;
#pragma warning restore IDE1006
    private readonly int _heads;
    private readonly int _kvHeads;
    private readonly int _headDim;

    /// <summary>Builds the projections (no biases, as in LLaMA and Mistral).</summary>
    public LlamaAttention(ModelConfig config) : base(nameof(LlamaAttention))
    {
        _heads = config.NumHeads;
        _kvHeads = config.NumKeyValueHeads;
        _headDim = config.HeadDim;
        double std = config.InitializerRange;
        q_proj = new AdaptableLinear(config.HiddenSize, (long)_heads * _headDim, hasBias: false, initStd: std);
        k_proj = new AdaptableLinear(config.HiddenSize, (long)_kvHeads * _headDim, hasBias: false, initStd: std);
        v_proj = new AdaptableLinear(config.HiddenSize, (long)_kvHeads * _headDim, hasBias: false, initStd: std);
        o_proj = new AdaptableLinear((long)_heads * _headDim, config.HiddenSize, hasBias: false,
            initStd: std / Math.Sqrt(2.0 * config.NumLayers));
        RegisterComponents();
    }

    /// <summary>Attention over (batch, time, hidden) with rotary tables (time, head_dim).</summary>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, KvCache? cache, int layer)
    {
        long batch = x.shape[0], time = x.shape[1];
        var q = q_proj.forward(x).view(batch, time, _heads, _headDim).transpose(1, 2);     // (B, H, T, hd)
        var k = k_proj.forward(x).view(batch, time, _kvHeads, _headDim).transpose(1, 2);   // (B, KV, T, hd)
        var v = v_proj.forward(x).view(batch, time, _kvHeads, _headDim).transpose(1, 2);   // (B, KV, T, hd)
        q = RotaryEmbedding.Apply(q, cos, sin);
        k = RotaryEmbedding.Apply(k, cos, sin);
        if (cache is not null) (k, v) = cache.Append(layer, k, v);                         // (B, KV, past + T, hd)
        if (_kvHeads != _heads)
        {
            k = k.repeat_interleave(_heads / _kvHeads, dim: 1);                            // (B, H, S, hd)
            v = v.repeat_interleave(_heads / _kvHeads, dim: 1);                            // (B, H, S, hd)
        }
        var y = Autocast.ScaledDotProductAttention(q, k, v, mask,
            isCausal: mask is null && time > 1);                              // (B, H, T, hd)
        y = y.transpose(1, 2).contiguous().view(batch, time, (long)_heads * _headDim);     // (B, T, H·hd)
        return o_proj.forward(y);
    }
}
