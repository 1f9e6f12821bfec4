// One-token decode step of a LLaMA-layout model, written for batch 1 where every op's dispatch and allocation counts.
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Architectures.Llama;
using Shifa.Modeling.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Generation;

/// <summary>
/// The same arithmetic as <see cref="LlamaForCausalLM.Forward"/> for one new token after a filled <see cref="KvCache"/>,
/// over the model's own parameters (looked up by their Hugging Face names, never copied), with about half the
/// tensor allocations: at batch 1 on a small model a step is dominated by per-op overhead, not by arithmetic.
/// Differences from the module path, all exact for a single query: the query heads that share a key/value head attend
/// as one group instead of repeating the cache; the rotary tables are computed once per generation; rotate-half is a
/// roll with the sign folded into the sine table; residual additions and norm scalings are done in place.
/// Only for inference (it runs under inference mode), for models without LoRA adapters and without a sliding window
/// shorter than the generation; <see cref="TryCreate"/> returns null otherwise and the module path is used.
/// </summary>
public sealed class LlamaDecodeStep : IDisposable
{
    private readonly Layer[] _layers;
    private readonly Tensor _embedding;
    private readonly Tensor _finalNorm;
    private readonly Tensor _head;
    private readonly Tensor _cos;          // (positions, hd)
    private readonly Tensor _sinSigned;    // (positions, hd): sin with the rotate-half sign, −sin on the first half
    private readonly Scalar _epsilon;
    private readonly int _kvHeads;
    private readonly int _group;
    private readonly int _headDim;
    private readonly long _hidden;

    private LlamaDecodeStep(ModelConfig config, Dictionary<string, Tensor> p, int positions)
    {
        _kvHeads = config.NumKeyValueHeads;
        _group = config.NumHeads / config.NumKeyValueHeads;
        _headDim = config.HeadDim;
        _hidden = config.HiddenSize;
        _epsilon = config.NormEpsilon;
        _embedding = p["model.embed_tokens.weight"];
        _finalNorm = p["model.norm.weight"];
        _head = config.TieWordEmbeddings ? _embedding : p["lm_head.weight"];
        _layers = Enumerable.Range(0, config.NumLayers).Select(i =>
        {
            string at = $"model.layers.{i}.";
            return new Layer(p[at + "input_layernorm.weight"], p[at + "self_attn.q_proj.weight"], p[at + "self_attn.k_proj.weight"],
                p[at + "self_attn.v_proj.weight"], p[at + "self_attn.o_proj.weight"], p[at + "post_attention_layernorm.weight"],
                p[at + "mlp.gate_proj.weight"], p[at + "mlp.up_proj.weight"], p[at + "mlp.down_proj.weight"]);
        }).ToArray();

        using var scope = NewDisposeScope();
        var (cos, sin) = RotaryEmbedding.CosSin(0, positions, _headDim, config.RopeTheta, _embedding.device);   // (P, hd) each
        var sign = ones(_headDim, device: _embedding.device);
        sign.narrow(0, 0, _headDim / 2).fill_(-1);
        _cos = cos.to_type(_embedding.dtype).DetachFromDisposeScope();
        _sinSigned = sin.mul(sign).to_type(_embedding.dtype).DetachFromDisposeScope();
    }

    /// <summary>A step for <paramref name="model"/> covering <paramref name="positions"/> positions, or null where only the module path is right.</summary>
    public static LlamaDecodeStep? TryCreate(CausalLanguageModel model, int positions)
    {
        var config = model.Config;
        if (model is not LlamaForCausalLM) return null;
        // RmsNorm computes in float32 and casts back; this step matches it only when the weights are float32.
        if (model.parameters().Any(p => p.dtype != ScalarType.Float32)) return null;
        if (config.SlidingWindow is int window && window < positions) return null;
        if (model.modules().OfType<AdaptableLinear>().Any(l => l.HasAdapter)) return null;
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter);
        return new LlamaDecodeStep(config, parameters, positions);
    }

    /// <summary>Logits (vocab) for <paramref name="token"/> at position <c>cache.Length</c>; appends its keys and values to the cache.</summary>
    /// <remarks>Call under inference mode or no_grad (residuals are updated in place) and inside a dispose scope.</remarks>
    public Tensor Next(int token, KvCache cache)
    {
        long position = cache.Length;
        var cos = _cos.narrow(0, position, 1);                                             // (1, hd)
        var sin = _sinSigned.narrow(0, position, 1);                                       // (1, hd)
        var x = _embedding.narrow(0, token, 1).clone().view(1, 1, _hidden);                 // (1, 1, C), a copy: updated in place below
        for (int i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var h = Norm(x, layer.InputNorm);                                              // (1, 1, C)
            var q = Rotate(nn.functional.linear(h, layer.Q).view(1, _kvHeads, _group, _headDim), cos, sin);   // (1, KV, G, hd)
            var k = Rotate(nn.functional.linear(h, layer.K).view(1, _kvHeads, 1, _headDim), cos, sin);        // (1, KV, 1, hd)
            var v = nn.functional.linear(h, layer.V).view(1, _kvHeads, 1, _headDim);                         // (1, KV, 1, hd)
            var (keys, values) = cache.Append(i, k, v);                                   // (1, KV, S, hd)
            // The G query heads of a group share one key/value head: one attention with G query rows.
            var attended = nn.functional.scaled_dot_product_attention(q, keys, values);   // (1, KV, G, hd)
            x.add_(nn.functional.linear(attended.view(1, 1, -1), layer.O));                // (1, 1, C)
            h = Norm(x, layer.PostNorm);
            var gate = nn.functional.silu(nn.functional.linear(h, layer.Gate), inplace: true);                // (1, 1, I)
            x.add_(nn.functional.linear(gate.mul_(nn.functional.linear(h, layer.Up)), layer.Down));           // (1, 1, C)
        }
        return nn.functional.linear(Norm(x, _finalNorm), _head).view(-1);                  // (V)
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cos.Dispose();
        _sinSigned.Dispose();
        _epsilon.Dispose();
    }

    /// <summary>RMSNorm as <see cref="RmsNorm"/> computes it for float32 input: weight · x / sqrt(mean(x²) + ε).</summary>
    private Tensor Norm(Tensor x, Tensor weight)
    {
        var scale = x.pow(2).mean([-1L], keepdim: true).add_(_epsilon).rsqrt_();   // (1, 1, 1)
        return x.mul(scale).mul_(weight);                                          // (1, 1, C)
    }

    /// <summary>x·cos + rotate_half(x)·sin, where rotate_half(x) = roll(x, d/2)·sign and the sign is in the sine table.</summary>
    private static Tensor Rotate(Tensor x, Tensor cos, Tensor sinSigned)
    {
        var rolled = x.roll(x.shape[^1] / 2, -1).mul_(sinSigned);
        return x.mul(cos).add_(rolled);
    }

    private sealed record Layer(Tensor InputNorm, Tensor Q, Tensor K, Tensor V, Tensor O, Tensor PostNorm, Tensor Gate, Tensor Up, Tensor Down);
}
