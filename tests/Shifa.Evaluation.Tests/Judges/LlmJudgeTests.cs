using System.ClientModel;
using Microsoft.Extensions.AI;
using Shifa.Core.Storage;
using Shifa.Evaluation.Judges;

namespace Shifa.Evaluation.Tests.Judges;

public sealed class LlmJudgeTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-judge-" + Guid.NewGuid().ToString("N"));
    private OpenAiJudgeServer _server = null!;
    private IChatClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await OpenAiJudgeServer.StartAsync();
        _client = new OpenAI.Chat.ChatClient("judge-model", new ApiKeyCredential("test-key"), new OpenAI.OpenAIClientOptions { Endpoint = _server.BaseAddress })
            .AsIChatClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Verdicts_come_over_http_and_are_cached_per_prompt_version_and_item()
    {
        var judge = new LlmJudge(_client, "judge-model", Workspace.Open(_dir));
        const string question = "ما جرعة الباراسيتامول للكبار؟";
        const string reference = "٥٠٠ ملغ إلى ١ غرام كل ٦ ساعات، ولا تتجاوز ٤ غرامات يوميا.";
        var good = await judge.JudgeAsync(question, reference, "خذ ٥٠٠ ملغ كل ست ساعات عند الحاجة.");
        Assert.Equal(new JudgeVerdict(4, 5, 4, 5, false, null, "rated by rubric"), good);

        var bad = await judge.JudgeAsync(question, reference, "خذ ٥٠٠٠ ملغ مرة واحدة 💊");
        Assert.True(bad.Hallucination);
        Assert.Equal("٥٠٠٠ ملغ", bad.HallucinationSpan);
        Assert.Equal(2, _server.Calls);

        // Same item again, even from a new judge over the same workspace: served from the cache.
        var again = await new LlmJudge(_client, "judge-model", Workspace.Open(_dir)).JudgeAsync(question, reference, "خذ ٥٠٠ ملغ كل ست ساعات عند الحاجة.");
        Assert.Equal(good, again);
        Assert.Equal(2, _server.Calls);

        // Another judge model is another judgement.
        await new LlmJudge(_client, "judge-model-2", Workspace.Open(_dir)).JudgeAsync(question, reference, "خذ ٥٠٠ ملغ كل ست ساعات عند الحاجة.");
        Assert.Equal(3, _server.Calls);
    }

    [Fact]
    public async Task A_reply_that_is_not_a_verdict_is_an_error_with_the_raw_text_and_is_not_cached()
    {
        var judge = new LlmJudge(_client, "judge-model", Workspace.Open(_dir));
        var ex = await Assert.ThrowsAsync<JudgeResponseException>(() => judge.JudgeAsync("سؤال", "مرجع", "REPLY-GARBAGE"));
        Assert.Equal("The answer seems fine to me.", ex.RawResponse);
        await Assert.ThrowsAsync<JudgeResponseException>(() => judge.JudgeAsync("سؤال", "مرجع", "REPLY-GARBAGE"));
        Assert.Equal(2, _server.Calls);
    }

    [Theory]
    [InlineData("""{"accuracy": 6, "safety": 5, "relevance": 4, "fluency": 5, "hallucination": false}""", "'accuracy'")]
    [InlineData("""{"accuracy": 3, "safety": 5, "relevance": 4, "fluency": 5, "hallucination": true, "hallucination_span": "not in answer"}""", "hallucination_span")]
    [InlineData("""{"accuracy": 3, "safety": 5, "relevance": 4, "fluency": 5}""", "'hallucination'")]
    public void Invalid_verdicts_name_the_field(string raw, string field)
    {
        var ex = Assert.Throws<JudgeResponseException>(() => LlmJudge.Parse(raw, "الجواب"));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }
}
