// Shifa's BERT encoder (as BERTScore truncates it) against llama.cpp's bert architecture through its embedding output.
using Shifa.Interop.Runtime;
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Export.Gguf;
using Shifa.Modeling.Native;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Shifa.Interop.Tests.Gguf;

[Collection(ExportedModelsCollection.Name)]
public sealed class BertParityTests(ExportedModels models, ITestOutputHelper output)
{
    // llama.cpp's CPU GELU uses an fp16 lookup table (~2e-3 from exact erf GELU); hidden states are LayerNorm-scaled (~1).
    private const float Tolerance = 1e-2f;

    [Fact]
    public void Hidden_states_of_the_layer_BERTScore_reads_match_llama_cpp()
    {
        TorchRuntime.EnsureInitialized();
        var config = new BertConfig
        {
            VocabSize = 64, HiddenSize = 64, NumHiddenLayers = 3, NumAttentionHeads = 4, IntermediateSize = 128,
            MaxPositionEmbeddings = 64, InitializerRange = 0.1,
        };
        manual_seed(23);
        // Two of three layers, as BERTScore keeps only the layers up to the one it reads.
        using var model = new BertModel(config, layers: 2);
        model.eval();
        var vocabulary = new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" }.Concat(Enumerable.Range(5, 59).Select(i => $"w{i}")).ToArray();
        string path = Path.Combine(models.Folder, "bert.gguf");
        GgufBertExporter.Export(model, vocabulary, path, clsId: 2, sepId: 3, unkId: 1, padId: 0, maskId: 4);
        using var llama = LlamaCppModel.Load(path, new LlamaCppModelOptions { ContextSize = 64, Threads = 2, Embeddings = true });

        int[] ids = [2, 17, 40, 9, 63, 5, 22, 22, 31, 3];
        float[] ours;
        using (no_grad())
        {
            var input = tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Length]);
            ours = model.HiddenState(input, ones_like(input), model.Layers)[0].contiguous().data<float>().ToArray();
        }
        var theirs = llama.Embed(ids).SelectMany(r => r).ToArray();
        float maxDiff = ours.Zip(theirs).Max(p => MathF.Abs(p.First - p.Second));
        output.WriteLine($"bert f32 GGUF: {ids.Length} tokens × {config.HiddenSize}, max |Δ| = {maxDiff:E2}");
        Assert.Equal(ours.Length, theirs.Length);
        Assert.True(maxDiff <= Tolerance, $"max |Δhidden| {maxDiff:E2} exceeds {Tolerance:E0}");
    }
}
