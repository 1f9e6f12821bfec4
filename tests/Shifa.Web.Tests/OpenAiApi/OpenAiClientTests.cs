using System.ClientModel;
using System.Net;
using System.Text;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using Shifa.Web.Safety;
using Shifa.Web.Tests.Hosting;
using ChatMessage = OpenAI.Chat.ChatMessage;

namespace Shifa.Web.Tests.OpenAiApi;

public sealed class OpenAiClientTests(OpenAiServerFixture fixture) : IClassFixture<OpenAiServerFixture>
{
    private readonly ShifaServer _server = fixture.Server;

    private ChatClient OfficialClient(string? key = null) =>
        new("shifa", new ApiKeyCredential(key ?? _server.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(_server.BaseUrl + "/v1") });

    [Fact]
    public async Task Official_dotnet_client_non_streaming_cites_the_vetted_record()
    {
        var result = await OfficialClient().CompleteChatAsync([ChatMessage.CreateUserMessage("ما أسباب تساقط الشعر عند النساء؟")]);
        var text = result.Value.Content[0].Text;
        Assert.Contains("rec-04", text, StringComparison.Ordinal);
        Assert.Contains(SafetyMessages.Disclaimer, text, StringComparison.Ordinal);
        Assert.Equal(OpenAI.Chat.ChatFinishReason.Stop, result.Value.FinishReason);
        Assert.True(result.Value.Usage.OutputTokenCount > 0);
    }

    [Fact]
    public async Task Official_dotnet_client_streams_chunks_that_join_to_the_full_answer()
    {
        var client = OfficialClient();
        var parts = new List<string>();
        OpenAI.Chat.ChatFinishReason? finish = null;
        await foreach (var u in client.CompleteChatStreamingAsync([ChatMessage.CreateUserMessage("كيف أخفف حموضة المعدة بعد الأكل؟")]))
        {
            parts.AddRange(u.ContentUpdate.Select(c => c.Text));
            finish ??= u.FinishReason;
        }

        Assert.True(parts.Count(p => p.Length > 0) > 3, "answer should arrive in several chunks");
        var full = string.Concat(parts);
        Assert.Contains("rec-05", full, StringComparison.Ordinal);
        Assert.Equal(OpenAI.Chat.ChatFinishReason.Stop, finish);
        var whole = (await client.CompleteChatAsync([ChatMessage.CreateUserMessage("كيف أخفف حموضة المعدة بعد الأكل؟")])).Value.Content[0].Text;
        Assert.Equal(Normalise(whole), Normalise(full));
    }

    [Fact]
    public async Task Extensions_ai_client_gets_the_urgent_notice_for_a_red_flag()
    {
        IChatClient chat = OfficialClient().AsIChatClient();
        var r = await chat.GetResponseAsync("أبي عنده ألم في الصدر مع تعرق بارد الآن");
        Assert.StartsWith(SafetyMessages.UrgentHeading, r.Text, StringComparison.Ordinal);
        var streamed = new StringBuilder();
        await foreach (var u in chat.GetStreamingResponseAsync("بدي موت وما بدي عيش"))
        {
            streamed.Append(u.Text);
        }

        Assert.Contains("لست وحدك", streamed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_key_and_malformed_requests_get_openai_errors()
    {
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => OfficialClient("sk-shifa-00").CompleteChatAsync([ChatMessage.CreateUserMessage("مرحبا")]));
        Assert.Equal(401, ex.Status);
        using var http = _server.Client();
        http.DefaultRequestHeaders.Authorization = new("Bearer", _server.ApiKey);
        var bad = await http.PostAsync("/v1/chat/completions", new StringContent("{\"model\":\"shifa\",\"messages\":[]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"param\":\"messages\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var format = await http.PostAsync("/v1/chat/completions", new StringContent("{\"model\":\"shifa\",\"response_format\":{\"type\":\"yaml\"},\"messages\":[{\"role\":\"user\",\"content\":\"مرحبا\"}]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Contains("\"param\":\"response_format.type\"", await format.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var models = await http.GetStringAsync("/v1/models");
        Assert.Contains("\"object\":\"list\"", models, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_stream_is_openai_sse_ending_with_done()
    {
        using var http = _server.Client();
        http.DefaultRequestHeaders.Authorization = new("Bearer", _server.ApiKey);
        var body = "{\"model\":\"shifa\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"هل القهوة تضر مرضى الضغط؟\"}]}";
        var res = await http.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal("text/event-stream", res.Content.Headers.ContentType!.MediaType);
        var text = await res.Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.Contains("\"object\":\"chat.completion.chunk\"", events[0], StringComparison.Ordinal);
        Assert.Contains("\"delta\":{\"role\":\"assistant\"", events[0], StringComparison.Ordinal);
        Assert.Contains("\"finish_reason\":\"stop\"", events[^3], StringComparison.Ordinal);
        Assert.Contains("\"choices\":[],\"usage\":{", events[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_key_rate_limit_answers_429()
    {
        await using var limited = await ShifaServer.StartAsync(apiRequestsPerMinute: 2);
        var client = new ChatClient("shifa", new ApiKeyCredential(limited.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(limited.BaseUrl + "/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0) });
        await client.CompleteChatAsync([ChatMessage.CreateUserMessage("مرحبا")]);
        await client.CompleteChatAsync([ChatMessage.CreateUserMessage("مرحبا")]);
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync([ChatMessage.CreateUserMessage("مرحبا")]));
        Assert.Equal(429, ex.Status);
        // A second key has its own bucket.
        var (_, other) = new Shifa.Web.OpenAiApi.ApiKeyStore(Core.Storage.Workspace.Open(limited.WorkspaceDirectory)).Create("second");
        var second = new ChatClient("shifa", new ApiKeyCredential(other), new OpenAIClientOptions { Endpoint = new Uri(limited.BaseUrl + "/v1") });
        await second.CompleteChatAsync([ChatMessage.CreateUserMessage("مرحبا")]);
    }

    private static string Normalise(string s) => s.Replace("\r", "", StringComparison.Ordinal);
}
