using Microsoft.Extensions.AI;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Generation;

public sealed class LocalChatClientTests
{
    private const string Question = "ما علاج الصداع؟";
    private const string Answer = "اشرب الماء 💧 وارتح، وراجع الطبيب إذا استمر.";

    [Fact]
    public void Prompt_format_is_shifas_chat_template()
    {
        string prompt = ChatPromptFormat.Render([
            new ChatMessage(ChatRole.System, "أنت مساعد طبي."),
            new ChatMessage(ChatRole.User, Question),
            new ChatMessage(ChatRole.Assistant, "جواب"),
            new ChatMessage(ChatRole.User, "شكراً؟"),
        ]);
        Assert.Equal(
            "<|system|>\nأنت مساعد طبي.<|end|>\n<|user|>\nما علاج الصداع؟<|end|>\n<|assistant|>\nجواب<|endoftext|><|user|>\nشكراً؟<|end|>\n<|assistant|>\n",
            prompt);
        Assert.Throws<ArgumentException>(() => ChatPromptFormat.Render([new ChatMessage(ChatRole.Tool, "x")]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("أنت مساعد طبي.")]
    public void Chat_prompt_is_the_text_the_trainer_trains_on(string? system)
    {
        var messages = new List<ChatMessage>();
        if (system is not null) messages.Add(new ChatMessage(ChatRole.System, system));
        messages.Add(new ChatMessage(ChatRole.User, "  " + Question + "\n"));
        Assert.Equal(Shifa.Modeling.Training.ArabicQaChatTemplate.Prompt(Question, system), ChatPromptFormat.Render(messages));
    }

    [Fact]
    public async Task A_model_trained_on_one_exchange_answers_it_and_stops_at_end_of_text()
    {
        var tokenizer = TinyChatModels.Tokenizer;
        var model = TinyChatModels.Create("llama");
        MemoriseExchange(model, tokenizer);
        using var client = new LocalChatClient(model, tokenizer, "tiny-llama");

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, Question)]);
        Assert.Equal(Answer, response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("tiny-llama", response.ModelId);
        int answerTokens = tokenizer.Encode(Answer).Length;
        Assert.Equal(answerTokens, response.Usage!.OutputTokenCount);
        Assert.Equal(tokenizer.Encode(ChatPromptFormat.Render([new ChatMessage(ChatRole.User, Question)])).Length, response.Usage.InputTokenCount);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, Question)])) updates.Add(u);
        Assert.Equal(Answer, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Single(updates.Select(u => u.ResponseId).Distinct());

        var limited = await client.GetResponseAsync([new ChatMessage(ChatRole.User, Question)], new ChatOptions { MaxOutputTokens = 3 });
        Assert.Equal(ChatFinishReason.Length, limited.FinishReason);
        Assert.Equal(3, limited.Usage!.OutputTokenCount);
        Assert.StartsWith(limited.Text, Answer);
    }

    [Fact]
    public async Task Folder_with_model_and_tokenizer_files_loads_into_a_client()
    {
        using var temp = new TempFolder();
        var tokenizer = (ByteLevelBpeTokenizer)TinyChatModels.Tokenizer;
        var model = TinyChatModels.Create("gpt2");
        model.Save(temp.Path);
        HfTokenizerWriter.Save(tokenizer.Model, temp.Path);
        var expected = await new TextGenerator(model, tokenizer).GenerateAsync(
            ChatPromptFormat.Render([new ChatMessage(ChatRole.User, Question)]),
            new GenerationOptions { MaxNewTokens = 8, StopSequences = ChatPromptFormat.StopSequences });

        using var client = LocalChatClient.Load(temp.Path);
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, Question)], new ChatOptions { MaxOutputTokens = 8 });
        Assert.Equal(expected.Text.Trim(), response.Text);
        Assert.Equal(Path.GetFileName(temp.Path), client.GetService<ChatClientMetadata>()!.DefaultModelId);
    }

    private static void MemoriseExchange(CausalLanguageModel model, ITextTokenizer tokenizer)
    {
        string text = ChatPromptFormat.Render([new ChatMessage(ChatRole.User, Question)]) + Answer;
        var ids = tokenizer.Encode(text).Append(tokenizer.EosId!.Value).Select(i => (long)i).ToArray();
        var batch = tensor(ids).unsqueeze(0);                                               // (1, T)
        var optimizer = optim.AdamW(model.parameters(), lr: 1e-2);
        model.train();
        for (int step = 0; step < 120; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.forward(batch[.., ..^1]);                                   // (1, T-1, V)
            var loss = nn.functional.cross_entropy(logits.reshape(-1, model.Config.VocabSize), batch[.., 1..].reshape(-1));
            loss.backward();
            optimizer.step();
        }
        model.eval();
    }
}
