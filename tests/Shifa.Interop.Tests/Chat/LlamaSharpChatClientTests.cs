// The GGUF chat client against Shifa's own LocalChatClient on the same exported model.
using Microsoft.Extensions.AI;
using Shifa.Interop.Chat;
using Shifa.Interop.Runtime;
using Shifa.Interop.Tests.Gguf;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;

namespace Shifa.Interop.Tests.Chat;

[Collection(ExportedModelsCollection.Name)]
public sealed class LlamaSharpChatClientTests(ExportedModels models)
{
    private static readonly LlamaCppModelOptions Exact = new() { ContextSize = 256, Threads = 2 };

    private static List<ChatMessage> Question(string text) => [new(ChatRole.User, text)];

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public async Task Answer_equals_Shifa_local_client_on_the_same_weights(double temperature)
    {
        string folder = Path.Combine(models.Folder, "local");
        models.Model.Save(folder);
        var greedy = new GenerationOptions { Temperature = temperature, Seed = 7, MaxNewTokens = 24 };
        // Shifa's own encoder, the one whose agreement with llama.cpp the parity tests establish.
        using var local = new LocalChatClient(CausalLanguageModel.Load(folder), models.Tokenizer, "local", greedy);
        using var gguf = new LlamaSharpChatClient(models.F32Path, greedy, Exact);

        var messages = Question(ArabicTestText.Sentences[0]);
        var expected = await local.GetResponseAsync(messages);
        var actual = await gguf.GetResponseAsync(messages);

        Assert.Equal(ChatPromptFormat.Render(messages), gguf.RenderPrompt(messages));
        Assert.True(actual.Usage?.OutputTokenCount > 0);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.FinishReason, actual.FinishReason);
        Assert.Equal(expected.Usage?.InputTokenCount, actual.Usage?.InputTokenCount);
        Assert.Equal(expected.Usage?.OutputTokenCount, actual.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Streaming_updates_join_to_the_full_answer_and_report_usage()
    {
        using var gguf = new LlamaSharpChatClient(models.F32Path, new GenerationOptions { Temperature = 0.8, Seed = 5, MaxNewTokens = 16 }, Exact);
        var messages = Question(ArabicTestText.Sentences[2]);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in gguf.GetStreamingResponseAsync(messages)) updates.Add(u);
        var whole = await gguf.GetResponseAsync(messages);

        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)).Trim());
        var usage = updates[^1].Contents.OfType<UsageContent>().Single().Details;
        // The model declares BOS = <|endoftext|>, so both Shifa and llama.cpp prepend it to the prompt.
        Assert.Equal(models.Tokenizer.Encode(ChatPromptFormat.Render(messages)).Length + 1, usage.InputTokenCount);
        Assert.InRange(usage.OutputTokenCount ?? 0, 1, 16);
        Assert.Equal("llama.cpp", gguf.Metadata.ProviderName);
        Assert.Equal("tiny-f32", gguf.Metadata.DefaultModelId);
    }

    [Fact]
    public void A_file_llama_cpp_refuses_fails_with_its_reason()
    {
        string path = Path.Combine(models.Folder, "broken.gguf");
        var bytes = File.ReadAllBytes(models.F32Path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var error = Assert.Throws<InvalidDataException>(() => new LlamaSharpChatClient(path, runtime: Exact));
        Assert.Contains("broken.gguf", error.Message, StringComparison.Ordinal);
        Assert.Contains("llama", error.Message, StringComparison.Ordinal);
    }
}
