// Round trip of a Shifa-trained LoRA adapter through the PEFT format and back in via import.
using Shifa.Interop.Peft;
using Shifa.Interop.Tests.Gguf;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Export.Peft;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Tokenization;
using static TorchSharp.torch;

namespace Shifa.Interop.Tests.Peft;

[Collection(ExportedModelsCollection.Name)]
public sealed class PeftAdapterImporterTests(ExportedModels models)
{
    [Fact]
    public void Export_then_import_is_lossless()
    {
        string root = Path.Combine(models.Folder, "import");
        string baseFolder = Path.Combine(root, "base");
        models.Model.Save(baseFolder);
        HfTokenizerWriter.Save(models.Vocabulary, baseFolder);

        using var trained = CausalLanguageModel.Load(baseFolder);
        var lora = new LoraConfig { Rank = 4, Alpha = 16, TargetModules = ["q_proj", "v_proj", "up_proj"] };
        LoraAdapter.Attach(trained, lora);
        manual_seed(5);
        using (no_grad())
        {
            foreach (var (_, p) in LoraAdapter.AdapterState(trained)) p.copy_(randn_like(p).mul(0.1));
        }
        var original = LoraAdapter.AdapterState(trained).ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        PeftAdapterFormat.Save(trained, lora, Path.Combine(root, "adapter"), baseFolder);

        var result = PeftAdapterImporter.Import(baseFolder, Path.Combine(root, "adapter"), Path.Combine(root, "merged"));

        Assert.Equal(lora.Rank, result.Lora.Rank);
        Assert.Equal(lora.Alpha, result.Lora.Alpha);
        Assert.Equal(models.Config.NumLayers * 3, result.AdaptedModules.Count);
        Assert.Equal(original.Count, result.AdapterTensors);

        // The adapter kept with the merged model reloads bit for bit.
        using var reloaded = CausalLanguageModel.Load(baseFolder);
        PeftAdapterFormat.Load(reloaded, Path.Combine(root, "merged", "adapter"));
        foreach (var (name, tensor) in LoraAdapter.AdapterState(reloaded))
        {
            Assert.True(tensor.shape.SequenceEqual(original[name].shape) && tensor.eq(original[name]).all().item<bool>(), $"{name} changed in the round trip.");
        }

        // The merged folder holds exactly the weights of merging in memory.
        LoraAdapter.Merge(trained);
        var expected = trained.state_dict().Where(kv => !CausalLanguageModel.IsAdapterName(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        using var merged = CheckpointFolder.Open(Path.Combine(root, "merged"));
        Assert.Equal(expected.Keys.Order(), merged.Entries.Select(e => e.Name).Order());
        foreach (var (name, tensor) in expected)
        {
            using var stored = merged.Read(name);
            Assert.True(stored.shape.SequenceEqual(tensor.shape) && stored.eq(tensor).all().item<bool>(), $"{name} differs after import.");
        }
        Assert.True(File.Exists(Path.Combine(root, "merged", "tokenizer.json")));
    }

    [Fact]
    public void An_adapter_for_another_model_is_refused_with_the_tensor_named()
    {
        string root = Path.Combine(models.Folder, "import-mismatch");
        string baseFolder = Path.Combine(root, "base");
        models.Model.Save(baseFolder);
        var other = models.Config with { HiddenSize = 32, IntermediateSize = 64 };
        using var foreign = CausalLanguageModel.Create(other);
        var lora = new LoraConfig { Rank = 2 };
        LoraAdapter.Attach(foreign, lora);
        PeftAdapterFormat.Save(foreign, lora, Path.Combine(root, "adapter"), "elsewhere");

        var error = Assert.Throws<CheckpointMismatchException>(() =>
            PeftAdapterImporter.Import(baseFolder, Path.Combine(root, "adapter"), Path.Combine(root, "merged")));
        Assert.Contains("q_proj", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "merged", "model.safetensors")));
    }
}
