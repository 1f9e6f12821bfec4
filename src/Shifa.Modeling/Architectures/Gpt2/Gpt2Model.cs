// GPT-2's transformer stack (wte, wpe, h.N, ln_f).
using Shifa.Modeling.Generation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Gpt2;

/// <summary>Embeddings, <see cref="ModelConfig.NumLayers"/> blocks and the final LayerNorm of GPT-2.</summary>
public sealed class Gpt2Model : nn.Module
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly ModuleList<Gpt2Block> h;
    private readonly LayerNorm ln_f;
#pragma warning restore IDE1006
    private readonly ModelConfig _config;

    /// <summary>Builds the stack with N(0, 0.02) embeddings.</summary>
    public Gpt2Model(ModelConfig config) : base(nameof(Gpt2Model))
    {
        _config = config;
        wte = nn.Embedding(config.VocabSize, config.HiddenSize);
        wpe = nn.Embedding(config.MaxPositions, config.HiddenSize);
        h = nn.ModuleList(Enumerable.Range(0, config.NumLayers).Select(i => new Gpt2Block(config, i)).ToArray());
        ln_f = nn.LayerNorm(config.HiddenSize, config.NormEpsilon);
        using (no_grad())
        {
            nn.init.normal_(wte.weight!, 0, config.InitializerRange);
            nn.init.normal_(wpe.weight!, 0, config.InitializerRange);
        }
        RegisterComponents();
    }

    /// <summary>The token embedding matrix (vocab, hidden).</summary>
    public Parameter TokenEmbedding => wte.weight!;

    /// <summary>Hidden states (batch, time, hidden) after the final LayerNorm.</summary>
    public Tensor Forward(Tensor inputIds, KvCache? cache)
    {
        long past = cache?.Length ?? 0;
        long time = inputIds.shape[1];
        if (past + time > _config.MaxPositions)
        {
            throw new ArgumentException($"Sequence of {past + time} tokens exceeds GPT-2's {_config.MaxPositions} positions.");
        }
        var positions = arange(past, past + time, dtype: ScalarType.Int64, device: inputIds.device);   // (T)
        var x = wte.forward(inputIds).add(wpe.forward(positions));                                     // (B, T, C)
        var mask = AttentionMask.For(time, past, window: null, inputIds.device);
        for (int i = 0; i < h.Count; i++) x = h[i].Forward(x, mask, cache, i);
        return ln_f.forward(x);
    }
}
