// Shifa's LLaMA forward and tokenizer checked against llama.cpp (an implementation written by other people) via a GGUF export.
using Shifa.Interop.Runtime;
using Shifa.Modeling.Export.Gguf;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;
using Xunit.Abstractions;

namespace Shifa.Interop.Tests.Gguf;

[Collection(ExportedModelsCollection.Name)]
public sealed class LlamaParityTests(ExportedModels models, ITestOutputHelper output)
{
    // Both sides compute in f32; llama.cpp sums in a different order, so agreement is ~1e-5, not bit-exact.
    private const float LogitTolerance = 1e-3f;

    [Fact]
    public void Next_token_logits_match_the_TorchSharp_forward()
    {
        var ids = models.Tokenizer.Encode(ArabicQaChatTemplate.Prompt(ArabicTestText.Probes[0]));
        Assert.True(ids.Length > 20, "The prompt should exercise RoPE over many positions.");
        using var llama = LlamaCppModel.Load(models.F32Path, new LlamaCppModelOptions { ContextSize = 256, Threads = 2 });

        var theirs = llama.Evaluate(ids);
        var ours = models.ShifaLogits(ids);

        float maxDiff = MaxAbsDiff(ours, theirs);
        float spread = ours.SelectMany(r => r).Max() - ours.SelectMany(r => r).Min();
        output.WriteLine($"f32 GGUF: {ids.Length} positions × {llama.VocabSize} logits, max |Δ| = {maxDiff:E2} (logit range {spread:F2})");
        Assert.Equal(models.Config.VocabSize, llama.VocabSize);
        Assert.True(spread > 1, "A trained model's logits should not be flat.");
        Assert.True(maxDiff <= LogitTolerance, $"max |Δlogit| {maxDiff:E2} exceeds {LogitTolerance:E0}");
    }

    [Fact]
    public void Greedy_continuation_of_32_tokens_is_identical()
    {
        // Start inside an answer the model has seen, so the continuation is text rather than role markers.
        string sentence = ArabicTestText.Sentences[1];
        var prompt = models.Tokenizer.Encode(ArabicQaChatTemplate.Prompt(sentence) + sentence[..12]);
        using var llama = LlamaCppModel.Load(models.F32Path, new LlamaCppModelOptions { ContextSize = 256, Threads = 2 });

        var ours = models.ShifaGreedy(prompt, 32);

        var theirs = new List<int>(prompt);
        var logits = llama.Append(prompt);
        for (int step = 0; step < 32; step++)
        {
            int next = ArgMax(logits);
            theirs.Add(next);
            logits = llama.Append([next]);
        }

        output.WriteLine($"continuation: {models.Tokenizer.Decode(ours.Skip(prompt.Length)).ReplaceLineEndings(" ")}");
        Assert.Equal(prompt.Length + 32, ours.Count);
        Assert.Equal(ours, theirs);
    }

    [Theory]
    [InlineData(GgufTensorType.F16, 1e-3f)]
    [InlineData(GgufTensorType.Q8_0, 1.5e-2f)]
    public void Reduced_precision_exports_stay_close(GgufTensorType type, float relativeTolerance)
    {
        string path = Path.Combine(models.Folder, $"tiny-{type}.gguf");
        var result = GgufExporter.Export(models.Model, models.Vocabulary, path, new GgufExportOptions { TensorType = type });
        var ids = models.Tokenizer.Encode(ArabicQaChatTemplate.Prompt(ArabicTestText.Sentences[4]));
        using var llama = LlamaCppModel.Load(path, new LlamaCppModelOptions { ContextSize = 256, Threads = 2 });

        var ours = models.ShifaLogits(ids);
        float maxDiff = MaxAbsDiff(ours, llama.Evaluate(ids));
        // Rounding error scales with the weights, so the bound is a fraction of the logit range.
        float tolerance = relativeTolerance * (ours.SelectMany(r => r).Max() - ours.SelectMany(r => r).Min());
        output.WriteLine($"{type} GGUF: {result.Bytes} bytes (f32: {models.F32Result.Bytes}), max |Δ| = {maxDiff:E2} (bound {tolerance:E2})");
        Assert.True(result.Bytes < models.F32Result.Bytes * 0.6, "Reduced precision should shrink the file.");
        Assert.True(maxDiff <= tolerance, $"{type}: max |Δlogit| {maxDiff:E2} exceeds {tolerance:E1}");
    }

    [Fact]
    public void Tokenizer_matches_llama_cpp_on_Arabic_text_with_the_gpt2_split()
    {
        // The same merges read with GPT-2's split, the one llama.cpp can reproduce exactly (tokenizer.ggml.pre = gpt2).
        var gpt2Split = new ByteLevelBpeModel(models.Vocabulary.Vocabulary, models.Vocabulary.Merges, models.Vocabulary.SpecialTokens, ByteLevelPreTokenizer.Gpt2Pattern);
        string path = Path.Combine(models.Folder, "tiny-gpt2-split.gguf");
        var result = GgufExporter.Export(models.Model, gpt2Split, path);
        Assert.Equal("gpt-2", result.PreTokenizer);
        Assert.Empty(result.Warnings);
        var ours = new ByteLevelBpeTokenizer(gpt2Split);
        using var llama = LlamaCppModel.Load(path, new LlamaCppModelOptions { ContextSize = 64, Threads = 1 });

        foreach (string text in ArabicTestText.Probes.Concat(ArabicTestText.Sentences))
        {
            Assert.Equal(ours.Encode(text), llama.Tokenize(text));
        }
    }

    private static float MaxAbsDiff(float[][] a, float[][] b)
    {
        Assert.Equal(a.Length, b.Length);
        float max = 0;
        for (int t = 0; t < a.Length; t++)
        {
            Assert.Equal(a[t].Length, b[t].Length);
            for (int v = 0; v < a[t].Length; v++) max = MathF.Max(max, MathF.Abs(a[t][v] - b[t][v]));
        }
        return max;
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
