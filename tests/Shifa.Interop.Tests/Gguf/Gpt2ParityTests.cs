// Shifa's GPT-2 forward against llama.cpp's gpt2 architecture through a GGUF export.
using Shifa.Interop.Runtime;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Export.Gguf;
using Shifa.Modeling.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Shifa.Interop.Tests.Gguf;

[Collection(ExportedModelsCollection.Name)]
public sealed class Gpt2ParityTests(ExportedModels models, ITestOutputHelper output)
{
    // llama.cpp's CPU GELU reads an fp16 lookup table (~2e-3 from the exact tanh form), so the bound is looser than LLaMA's.
    private const float LogitTolerance = 1e-2f;

    [Fact]
    public void Gpt2_logits_match_llama_cpp()
    {
        var config = new ModelConfig
        {
            ModelType = "gpt2", VocabSize = models.Vocabulary.VocabularySize, HiddenSize = 64, IntermediateSize = 256, NumLayers = 2,
            NumHeads = 4, NumKeyValueHeads = 4, MaxPositions = 128, TieWordEmbeddings = true, InitializerRange = 0.1,
        };
        manual_seed(17);
        using var model = CausalLanguageModel.Create(config);
        model.eval();
        string path = Path.Combine(models.Folder, "gpt2.gguf");
        GgufExporter.Export(model, models.Vocabulary, path);
        using var llama = LlamaCppModel.Load(path, new LlamaCppModelOptions { ContextSize = 128, Threads = 2 });

        var ids = models.Tokenizer.Encode(ArabicQaChatTemplate.Prompt(ArabicTestText.Sentences[5]));
        float[] ours;
        using (no_grad())
        {
            ours = model.forward(tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Length]))[0].contiguous().data<float>().ToArray();
        }
        var theirs = llama.Evaluate(ids).SelectMany(r => r).ToArray();
        float maxDiff = ours.Zip(theirs).Max(p => MathF.Abs(p.First - p.Second));
        output.WriteLine($"gpt2 f32 GGUF: {ids.Length} positions, max |Δ| = {maxDiff:E2} (logit range {ours.Max() - ours.Min():F2})");
        Assert.Equal(ours.Length, theirs.Length);
        Assert.True(ours.Max() - ours.Min() > 1, "Logits should not be flat.");
        Assert.True(maxDiff <= LogitTolerance, $"max |Δlogit| {maxDiff:E2} exceeds {LogitTolerance:E0}");
    }
}
