using System.Text.Json;
using Shifa.Cli.Tests.Foundation;
using Shifa.Interop.Runtime;
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;
using static TorchSharp.torch;

namespace Shifa.Cli.Tests.Interop;

/// <summary>`export gguf` on a BERT encoder folder: the file llama.cpp loads gives the hidden states Shifa computes.</summary>
public sealed class ExportGgufBertTests : IDisposable
{
    // llama.cpp's CPU GELU uses an fp16 lookup table (~2e-3 from exact erf GELU); hidden states are LayerNorm-scaled (~1).
    private const float Tolerance = 1e-2f;

    private static readonly BertConfig Tiny = new()
    {
        VocabSize = 40, HiddenSize = 32, NumHiddenLayers = 3, NumAttentionHeads = 4, IntermediateSize = 64,
        MaxPositionEmbeddings = 32, InitializerRange = 0.1,
    };

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Bert_folder_exports_the_layers_asked_for_and_llama_cpp_embeds_like_Shifa()
    {
        string folder = SaveTinyBert();
        string output = _cli.PathOf("encoder.gguf");

        var (exit, text) = _cli.Run("export", "gguf", "--model", folder, "--layers", "2", "--out", output);

        Assert.True(exit == 0, text);
        Assert.Contains("bert encoder, first 2 layers", CliRun.LastLine(text));
        int[] ids = [2, 17, 30, 9, 39, 5, 22, 22, 3];
        float[] ours;
        using (var model = BertModel.Load(folder, layers: 2))
        using (no_grad())
        {
            var input = tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Length]);
            ours = model.HiddenState(input, ones_like(input), 2)[0].contiguous().data<float>().ToArray();   // (T·C)
        }
        using var llama = LlamaCppModel.Load(output, new LlamaCppModelOptions { ContextSize = 32, Threads = 1, Embeddings = true });
        var theirs = llama.Embed(ids).SelectMany(r => r).ToArray();
        Assert.Equal(ours.Length, theirs.Length);
        float maxDiff = ours.Zip(theirs).Max(p => MathF.Abs(p.First - p.Second));
        Assert.True(maxDiff <= Tolerance, $"max |Δhidden| {maxDiff:E2} exceeds {Tolerance:E0}");
    }

    [Fact]
    public void Bert_export_refuses_quantised_types_and_a_vocabulary_without_mask()
    {
        string folder = SaveTinyBert();
        var (exit, text) = _cli.Run("export", "gguf", "--model", folder, "--type", "q8_0", "--out", _cli.PathOf("q.gguf"));
        Assert.NotEqual(0, exit);
        Assert.Contains("f32", text);

        File.WriteAllLines(Path.Combine(folder, "vocab.txt"), Vocabulary().Select(t => t == "[MASK]" ? "mask" : t));
        (exit, text) = _cli.Run("export", "gguf", "--model", folder, "--out", _cli.PathOf("m.gguf"));
        Assert.NotEqual(0, exit);
        Assert.Contains("vocab.txt", text);
        Assert.Contains("[MASK]", text);
        Assert.False(File.Exists(_cli.PathOf("m.gguf")));
    }

    private static string[] Vocabulary() =>
        new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" }.Concat(Enumerable.Range(5, Tiny.VocabSize - 5).Select(i => $"w{i}")).ToArray();

    private string SaveTinyBert()
    {
        TorchRuntime.EnsureInitialized();
        string folder = _cli.PathOf("tiny-bert");
        Directory.CreateDirectory(folder);
        manual_seed(29);
        using var model = new BertModel(Tiny);
        CheckpointWriter.Save(model, folder);
        File.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(Tiny));
        File.WriteAllLines(Path.Combine(folder, "vocab.txt"), Vocabulary());
        return folder;
    }
}
