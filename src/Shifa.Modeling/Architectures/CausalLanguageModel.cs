// Common surface of Shifa's decoder-only language models (GPT-2, LLaMA/Mistral): forward, load, save.
using Shifa.Modeling.Architectures.Gpt2;
using Shifa.Modeling.Architectures.Llama;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures;

/// <summary>
/// A decoder-only transformer mapping token ids (batch, time) to next-token logits (batch, time, vocab).
/// Parameter names equal the Hugging Face names of the same architecture, so checkpoints load strictly.
/// </summary>
public abstract class CausalLanguageModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the model shell; subclasses build their layers and call RegisterComponents.</summary>
    protected CausalLanguageModel(string name, ModelConfig config) : base(name)
    {
        Config = config.Validate();
    }

    /// <summary>The architecture this model was built from.</summary>
    public ModelConfig Config { get; }

    /// <summary>
    /// Logits for <paramref name="inputIds"/> (batch, time). With a cache, the ids are the tokens after the cached
    /// positions; their keys and values are appended to the cache.
    /// </summary>
    public abstract Tensor Forward(Tensor inputIds, KvCache? cache);

    /// <inheritdoc />
    public override Tensor forward(Tensor inputIds) => Forward(inputIds, null);

    /// <summary>
    /// Translates a checkpoint tensor name into this model's name, or null for tensors the format stores but the model
    /// deliberately does not use (documented per architecture). The default is the identity.
    /// </summary>
    public virtual string? ModelNameOf(string checkpointName) => checkpointName;

    /// <summary>Creates a randomly initialised model for <paramref name="config"/>.</summary>
    public static CausalLanguageModel Create(ModelConfig config, Device? device = null)
    {
        TorchRuntime.EnsureInitialized();
        CausalLanguageModel model = config.IsGpt2 ? new Gpt2LMHeadModel(config) : new LlamaForCausalLM(config);
        if (device is not null) model.to(device);
        return model;
    }

    /// <summary>Loads <c>config.json</c> and the safetensors checkpoint (single or sharded) of a model folder, strictly.</summary>
    /// <exception cref="CheckpointMismatchException">The checkpoint does not fit the config; the message names the tensors.</exception>
    public static CausalLanguageModel Load(string folder, Device? device = null)
    {
        var model = Create(ModelConfig.Load(folder));
        CheckpointLoader.LoadStrict(model, folder, model.ModelNameOf);
        if (device is not null) model.to(device);
        return model;
    }

    /// <summary>
    /// Writes <c>config.json</c> and the base weights (LoRA adapters excluded; merge them first to export them)
    /// into <paramref name="folder"/> in Hugging Face's layout.
    /// </summary>
    public void Save(string folder, long maxShardBytes = 5_000_000_000, ScalarType? dtype = null)
    {
        Config.Save(folder, dtype switch
        {
            ScalarType.BFloat16 => "bfloat16",
            ScalarType.Float16 => "float16",
            _ => "float32",
        });
        var state = state_dict().Where(kv => !IsAdapterName(kv.Key)).ToList();
        CheckpointWriter.Save(state, folder, maxShardBytes, dtype);
    }

    /// <summary>Whether a state-dict name belongs to a LoRA adapter rather than the base model.</summary>
    public static bool IsAdapterName(string name) => name.Contains(".lora_A.", StringComparison.Ordinal)
                                                      || name.Contains(".lora_B.", StringComparison.Ordinal);
}
