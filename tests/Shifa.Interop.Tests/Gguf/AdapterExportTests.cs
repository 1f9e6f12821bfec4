// Exporting a model folder with a PEFT LoRA adapter: the GGUF must hold the merged weights.
using Shifa.Interop.Runtime;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Export.Gguf;
using Shifa.Modeling.Export.Peft;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Shifa.Interop.Tests.Gguf;

[Collection(ExportedModelsCollection.Name)]
public sealed class AdapterExportTests(ExportedModels models, ITestOutputHelper output)
{
    [Fact]
    public void Folder_export_merges_the_adapter_and_llama_cpp_reproduces_the_adapted_model()
    {
        string baseFolder = Path.Combine(models.Folder, "base");
        string adapterFolder = Path.Combine(models.Folder, "adapter");
        models.Model.Save(baseFolder);
        HfTokenizerWriter.Save(models.Vocabulary, baseFolder, ArabicQaChatTemplate.Jinja);

        using var adapted = CausalLanguageModel.Load(baseFolder);
        var lora = new LoraConfig { Rank = 4, Alpha = 8, TargetModules = ["q_proj", "k_proj", "v_proj", "o_proj", "down_proj"] };
        LoraAdapter.Attach(adapted, lora);
        manual_seed(21);
        using (no_grad())
        {
            // A fresh adapter is a no-op (B = 0); give it weight so the merge is visible in the logits.
            foreach (var (_, p) in LoraAdapter.AdapterState(adapted)) p.copy_(randn_like(p).mul(0.2));
        }
        PeftAdapterFormat.Save(adapted, lora, adapterFolder, baseFolder);
        adapted.eval();

        string path = Path.Combine(models.Folder, "adapted.gguf");
        var result = GgufExporter.ExportFolder(baseFolder, path, adapterFolder: adapterFolder);
        using var llama = LlamaCppModel.Load(path, new LlamaCppModelOptions { ContextSize = 128, Threads = 2 });

        var ids = models.Tokenizer.Encode(ArabicQaChatTemplate.Prompt(ArabicTestText.Sentences[6]));
        var withAdapter = Logits(adapted, ids);
        var theirs = llama.Evaluate(ids);
        var baseOnly = models.ShifaLogits(ids);
        float diff = MaxAbsDiff(withAdapter, theirs);
        float adapterEffect = MaxAbsDiff(withAdapter, baseOnly);
        output.WriteLine($"adapter moves logits by {adapterEffect:E2}; llama.cpp vs adapted Shifa: {diff:E2}");
        Assert.True(adapterEffect > 0.1, "The adapter should change the model.");
        Assert.True(diff <= 1e-3, $"max |Δlogit| {diff:E2}");
        Assert.Contains(ArabicQaChatTemplate.Jinja, llama.Weights.Metadata["tokenizer.chat_template"], StringComparison.Ordinal);
        Assert.Equal(models.Config.NumLayers * 9 + 3, result.TensorCount);
    }

    private static float[][] Logits(CausalLanguageModel model, IReadOnlyList<int> ids)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var logits = model.forward(tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Count]))[0].contiguous();   // (T, V)
        var flat = logits.data<float>().ToArray();
        int vocab = (int)logits.shape[1];
        return Enumerable.Range(0, ids.Count).Select(t => flat.AsSpan(t * vocab, vocab).ToArray()).ToArray();
    }

    private static float MaxAbsDiff(float[][] a, float[][] b) =>
        a.Zip(b).Max(p => p.First.Zip(p.Second).Max(v => MathF.Abs(v.First - v.Second)));
}
