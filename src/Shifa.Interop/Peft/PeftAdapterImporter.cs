// Brings a PEFT LoRA adapter trained elsewhere (TRL, Axolotl) back into Shifa as a plain model folder.
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Export.Peft;
using Shifa.Modeling.Lora;

namespace Shifa.Interop.Peft;

/// <summary>
/// Checks a PEFT adapter strictly against its base model (every tensor must fit a projection and every adapted
/// projection must be filled), merges it, and writes a model folder that evaluation and serving read like any other.
/// The adapter files are kept beside it in <c>adapter/</c> so the merged folder stays traceable to what was trained.
/// </summary>
public static class PeftAdapterImporter
{
    private static readonly string[] TokenizerFiles =
    [
        "tokenizer.json", "tokenizer_config.json", "vocab.json", "merges.txt", "special_tokens_map.json",
        "tokenizer.model", "vocab.txt", "chat_template.jinja", "generation_config.json",
    ];

    /// <summary>Loads <paramref name="baseModelFolder"/> with <paramref name="adapterFolder"/> and writes the merged model to <paramref name="outputFolder"/>.</summary>
    /// <exception cref="Modeling.Checkpoints.CheckpointMismatchException">The adapter does not fit the base model; the message names the tensors.</exception>
    public static AdapterImportResult Import(string baseModelFolder, string adapterFolder, string outputFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseModelFolder);
        ArgumentException.ThrowIfNullOrEmpty(adapterFolder);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        if (Path.GetFullPath(outputFolder) == Path.GetFullPath(baseModelFolder))
        {
            throw new ArgumentException("The output folder must differ from the base model folder, which stays unchanged.", nameof(outputFolder));
        }
        using var model = CausalLanguageModel.Load(baseModelFolder);
        var lora = PeftAdapterFormat.Load(model, adapterFolder);
        var modules = LoraAdapter.Projections(model).Where(p => p.Layer.HasAdapter).Select(p => p.Name).ToList();
        int tensors = LoraAdapter.AdapterState(model).Count;
        LoraAdapter.Merge(model);
        model.Save(outputFolder);
        foreach (string file in TokenizerFiles.Where(f => File.Exists(Path.Combine(baseModelFolder, f))))
        {
            File.Copy(Path.Combine(baseModelFolder, file), Path.Combine(outputFolder, file), overwrite: true);
        }
        string kept = Path.Combine(outputFolder, "adapter");
        Directory.CreateDirectory(kept);
        foreach (string file in new[] { PeftAdapterFormat.ConfigFileName, PeftAdapterFormat.WeightsFileName })
        {
            File.Copy(Path.Combine(adapterFolder, file), Path.Combine(kept, file), overwrite: true);
        }
        return new AdapterImportResult(outputFolder, lora, modules, tensors);
    }
}
