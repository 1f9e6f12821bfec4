// The LLaMA decoder stack: embed_tokens, layers.N, norm.
using Shifa.Modeling.Generation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Llama;

/// <summary>Token embedding, <see cref="ModelConfig.NumLayers"/> decoder layers and the final RMSNorm.</summary>
public sealed class LlamaModel : nn.Module
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Embedding embed_tokens;
    private readonly ModuleList<LlamaDecoderLayer> layers;
    private readonly RmsNorm norm;
#pragma warning restore IDE1006
    private readonly ModelConfig _config;

    /// <summary>Builds the stack.</summary>
    public LlamaModel(ModelConfig config) : base(nameof(LlamaModel))
    {
        _config = config;
        embed_tokens = nn.Embedding(config.VocabSize, config.HiddenSize);
        layers = nn.ModuleList(Enumerable.Range(0, config.NumLayers).Select(i => new LlamaDecoderLayer(config, i)).ToArray());
        norm = new RmsNorm(config.HiddenSize, config.NormEpsilon);
        using (no_grad()) nn.init.normal_(embed_tokens.weight!, 0, config.InitializerRange);
        RegisterComponents();
    }

    /// <summary>The token embedding matrix (vocab, hidden).</summary>
    public Parameter TokenEmbedding => embed_tokens.weight!;

    /// <summary>Hidden states (batch, time, hidden) after the final norm.</summary>
    public Tensor Forward(Tensor inputIds, KvCache? cache)
    {
        long past = cache?.Length ?? 0;
        long time = inputIds.shape[1];
        var (cos, sin) = RotaryEmbedding.CosSin(past, time, _config.HeadDim, _config.RopeTheta, inputIds.device);  // (T, hd) each
        var mask = AttentionMask.For(time, past, _config.SlidingWindow, inputIds.device);
        var x = embed_tokens.forward(inputIds);                                                                 // (B, T, C)
        for (int i = 0; i < layers.Count; i++) x = layers[i].Forward(x, cos, sin, mask, cache, i);
        return norm.forward(x);
    }
}
