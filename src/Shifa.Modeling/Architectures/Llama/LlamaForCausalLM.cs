// LLaMA / Mistral decoder with Hugging Face's LlamaForCausalLM / MistralForCausalLM parameter names.
using Shifa.Modeling.Generation;
using Shifa.Modeling.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Llama;

/// <summary>
/// LLaMA-style language model: RMSNorm, rotary positions (<c>rope_theta</c>), grouped-query attention, SwiGLU MLP,
/// optional Mistral sliding window, and an output head that is <c>lm_head</c> or, when tied, the token embedding.
/// </summary>
public sealed class LlamaForCausalLM : CausalLanguageModel
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly LlamaModel model;
    private readonly AdaptableLinear? lm_head;
#pragma warning restore IDE1006

    /// <summary>Creates a randomly initialised model for <paramref name="config"/>.</summary>
    public LlamaForCausalLM(ModelConfig config) : base(nameof(LlamaForCausalLM), config)
    {
        if (config.IsGpt2) throw new ArgumentException("LlamaForCausalLM needs model_type llama or mistral.", nameof(config));
        model = new LlamaModel(config);
        lm_head = config.TieWordEmbeddings
            ? null
            : new AdaptableLinear(config.HiddenSize, config.VocabSize, hasBias: false, initStd: config.InitializerRange);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor inputIds, KvCache? cache)
    {
        var hidden = model.Forward(inputIds, cache);                                 // (B, T, C)
        return lm_head is null
            ? Autocast.Linear(hidden, model.TokenEmbedding)                          // (B, T, V)
            : lm_head.forward(hidden);                                               // (B, T, V)
    }

    /// <summary>Tied checkpoints sometimes store <c>lm_head.weight</c> anyway; it equals the embedding and is not used.</summary>
    public override string? ModelNameOf(string checkpointName) =>
        Config.TieWordEmbeddings && checkpointName == "lm_head.weight" ? null : checkpointName;
}
