// GPT-2 (Radford et al. 2019) with Hugging Face's GPT2LMHeadModel parameter names; follows karpathy/nanoGPT's model.py.
using Shifa.Modeling.Generation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Gpt2;

/// <summary>
/// GPT-2 language model: learned positions, pre-LayerNorm blocks, GELU (tanh) MLP, output head tied to <c>transformer.wte</c>.
/// Projections keep GPT-2's Conv1D weight layout (see <see cref="Lora.AdaptableLinear"/>).
/// </summary>
public sealed class Gpt2LMHeadModel : CausalLanguageModel
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly Gpt2Model transformer;
#pragma warning restore IDE1006

    /// <summary>Creates a randomly initialised GPT-2 for <paramref name="config"/> (nanoGPT's initialisation).</summary>
    public Gpt2LMHeadModel(ModelConfig config) : base(nameof(Gpt2LMHeadModel), config)
    {
        if (!config.IsGpt2) throw new ArgumentException($"Gpt2LMHeadModel needs model_type gpt2, got {config.ModelType}.", nameof(config));
        transformer = new Gpt2Model(config);
        RegisterComponents();
    }

    /// <summary>The token embedding, which is also the output projection.</summary>
    public Parameter TokenEmbedding => transformer.TokenEmbedding;

    /// <inheritdoc />
    public override Tensor Forward(Tensor inputIds, KvCache? cache)
    {
        var hidden = transformer.Forward(inputIds, cache);                      // (B, T, C)
        return Autocast.Linear(hidden, transformer.TokenEmbedding);            // (B, T, V)
    }

    /// <summary>
    /// Hugging Face GPT-2 checkpoints come in two spellings: from GPT2LMHeadModel (<c>transformer.h.0...</c>) and
    /// from GPT2Model (<c>h.0...</c>, as in openai-community/gpt2). Older ones also store each block's causal mask
    /// (<c>attn.bias</c>, <c>attn.masked_bias</c>) and some store the tied <c>lm_head.weight</c>; those are recomputed
    /// or shared here, so they are declared unused.
    /// </summary>
    public override string? ModelNameOf(string checkpointName)
    {
        if (checkpointName == "lm_head.weight") return null;
        if (checkpointName.EndsWith(".attn.bias", StringComparison.Ordinal)
            || checkpointName.EndsWith(".attn.masked_bias", StringComparison.Ordinal))
        {
            return null;
        }
        return checkpointName.StartsWith("transformer.", StringComparison.Ordinal) ? checkpointName : "transformer." + checkpointName;
    }
}
