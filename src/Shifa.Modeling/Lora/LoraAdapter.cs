// Attaching, freezing around and merging LoRA adapters on a causal language model.
using Shifa.Modeling.Architectures;
using TorchSharp;

namespace Shifa.Modeling.Lora;

/// <summary>Operations that turn a base model into a LoRA-trainable one and back into a plain model for export.</summary>
public static class LoraAdapter
{
    /// <summary>
    /// Attaches an adapter to every projection selected by <paramref name="config"/> and freezes everything else,
    /// so only <c>lora_A</c> / <c>lora_B</c> weights train. Returns the adapted module names.
    /// </summary>
    /// <exception cref="ArgumentException">No projection matched; the message lists the ones that exist.</exception>
    public static IReadOnlyList<string> Attach(CausalLanguageModel model, LoraConfig config)
    {
        var projections = Projections(model);
        var chosen = projections.Where(p => config.Targets(p.Name, model.Config.ModelType)).ToList();
        if (chosen.Count == 0)
        {
            var suffixes = projections.Select(p => p.Name[(p.Name.LastIndexOf('.') + 1)..]).Distinct();
            throw new ArgumentException(
                $"No projection matches the LoRA targets ({string.Join(", ", config.TargetModules ?? LoraConfig.DefaultTargets(model.Config.ModelType))}). " +
                $"This {model.Config.ModelType} model has: {string.Join(", ", suffixes)}.", nameof(config));
        }
        foreach (var (_, layer) in chosen) layer.AttachAdapter(config.Rank, config.Alpha, config.Dropout);
        foreach (var (name, parameter) in model.named_parameters())
        {
            parameter.requires_grad = CausalLanguageModel.IsAdapterName(name);
        }
        return chosen.Select(p => p.Name).ToList();
    }

    /// <summary>Adds every adapter into its base weight; the model's outputs are unchanged and <c>Save</c> then exports the merged weights.</summary>
    public static void Merge(CausalLanguageModel model)
    {
        foreach (var (_, layer) in Projections(model).Where(p => p.Layer.HasAdapter)) layer.MergeAdapter();
    }

    /// <summary>The adapter parameters by state-dict name (e.g. <c>model.layers.0.self_attn.q_proj.lora_A.weight</c>).</summary>
    public static Dictionary<string, torch.Tensor> AdapterState(CausalLanguageModel model) =>
        model.state_dict().Where(kv => CausalLanguageModel.IsAdapterName(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Every LoRA-capable projection of the model with its full module name.</summary>
    public static List<(string Name, AdaptableLinear Layer)> Projections(CausalLanguageModel model) =>
        model.named_modules()
            .Where(m => m.module is AdaptableLinear)
            .Select(m => (m.name, (AdaptableLinear)m.module))
            .ToList();
}
