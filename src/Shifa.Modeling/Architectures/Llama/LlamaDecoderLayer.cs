// One LLaMA decoder layer: x + self_attn(input_layernorm(x)), then x + mlp(post_attention_layernorm(x)).
using Shifa.Modeling.Generation;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Llama;

/// <summary>Pre-norm decoder layer with Hugging Face's names.</summary>
public sealed class LlamaDecoderLayer : nn.Module
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly LlamaAttention self_attn;
    private readonly LlamaMlp mlp;
    private readonly RmsNorm input_layernorm;
    private readonly RmsNorm post_attention_layernorm;
#pragma warning restore IDE1006

    /// <summary>Builds layer <paramref name="index"/>.</summary>
    public LlamaDecoderLayer(ModelConfig config, int index) : base($"{nameof(LlamaDecoderLayer)}{index}")
    {
        self_attn = new LlamaAttention(config);
        mlp = new LlamaMlp(config);
        input_layernorm = new RmsNorm(config.HiddenSize, config.NormEpsilon);
        post_attention_layernorm = new RmsNorm(config.HiddenSize, config.NormEpsilon);
        RegisterComponents();
    }

    /// <summary>Applies the layer to (batch, time, hidden).</summary>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, KvCache? cache, int layer)
    {
        x = x.add(self_attn.Forward(input_layernorm.forward(x), cos, sin, mask, cache, layer));
        return x.add(mlp.forward(post_attention_layernorm.forward(x)));
    }
}
