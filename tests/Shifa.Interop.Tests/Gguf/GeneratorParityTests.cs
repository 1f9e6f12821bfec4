// Shifa's serving decode path (TextGenerator: KV cache and the one-token LLaMA step) against llama.cpp's greedy decode.
using Shifa.Interop.Runtime;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Training;

namespace Shifa.Interop.Tests.Gguf;

[Collection(ExportedModelsCollection.Name)]
public sealed class GeneratorParityTests(ExportedModels models)
{
    [Fact]
    public void Text_generator_greedy_tokens_equal_llama_cpp_on_a_grouped_query_model()
    {
        Assert.NotEqual(models.Config.NumHeads, models.Config.NumKeyValueHeads);
        using (var step = LlamaDecodeStep.TryCreate(models.Model, 64)) Assert.NotNull(step);   // the path under test
        string sentence = ArabicTestText.Sentences[3];
        var prompt = models.Tokenizer.Encode(ArabicQaChatTemplate.Prompt(sentence) + sentence[..10]);
        var generator = new TextGenerator(models.Model, models.Tokenizer);

        var ours = generator.GenerateTokens(prompt, new GenerationOptions { Temperature = 0, MaxNewTokens = 32 }).ToList();

        using var llama = LlamaCppModel.Load(models.F32Path, new LlamaCppModelOptions { ContextSize = 256, Threads = 2 });
        var logits = llama.Append(prompt);
        var theirs = new List<int>();
        for (int i = 0; i < 32; i++)
        {
            int next = Array.IndexOf(logits, logits.Max());
            if (next == models.Tokenizer.EosId) break;   // the generator stops before an end-of-text token, unyielded
            theirs.Add(next);
            logits = llama.Append([next]);
        }
        Assert.True(ours.Count >= 8, $"only {ours.Count} tokens: too short a check");
        Assert.Equal(theirs, ours);
    }
}
