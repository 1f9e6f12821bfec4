// A paid provider's chat-completions endpoint on 127.0.0.1 (OpenAI wire format, 401 for a wrong key), standing
// behind Shifa's server as its remote-provider backend. It writes the pairs a generator would, from the prompt's parameters.
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shifa.Web.Tests.OpenAiApi;

public sealed partial class UpstreamProviderServer : IAsyncDisposable
{
    public const string Key = "sk-upstream-test-key";

    private readonly WebApplication _app;

    private UpstreamProviderServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Authorization header and body of every request, in arrival order.</summary>
    public ConcurrentQueue<(string Authorization, JsonNode Body)> Requests { get; } = new();

    public static async Task<UpstreamProviderServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new UpstreamProviderServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    /// <summary>The question the upstream writes for pair <paramref name="index"/> of an item in <paramref name="specialty"/>.</summary>
    public static string Question(string specialty, int index) => $"سؤال جديد رقم {index + 1} في تخصص {specialty}: متى يجب أن أراجع الطبيب بسبب هذه الأعراض؟";

    private async Task HandleAsync(HttpContext ctx)
    {
        var auth = ctx.Request.Headers.Authorization.ToString();
        var body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) ?? new JsonObject();
        Requests.Enqueue((auth, body));
        if (auth != "Bearer " + Key)
        {
            ctx.Response.StatusCode = 401;
            await ctx.Response.WriteAsJsonAsync(new { error = new { message = "Incorrect API key provided.", type = "invalid_request_error", param = (string?)null, code = "invalid_api_key" } });
            return;
        }

        var user = body["messages"]!.AsArray().Last(m => (string?)m!["role"] == "user")!["content"]!.GetValue<string>();
        var pairs = int.Parse(PairsParameter().Match(user).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var specialty = SpecialtyParameter().Match(user).Groups[1].Value;
        var content = new JsonObject
        {
            ["pairs"] = new JsonArray(Enumerable.Range(0, pairs).Select(i => (JsonNode)new JsonObject
            {
                ["question"] = Question(specialty, i),
                ["answer"] = $"أعراضك في مجال {specialty} تحتاج إلى فحص سريري؛ راجع طبيبك إذا استمرت أكثر من أسبوع أو ازدادت شدتها.",
                ["urgent"] = false,
            }).ToArray()),
        }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await ctx.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-upstream-" + Requests.Count,
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = (string?)body["model"] ?? "upstream-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 400, ["completion_tokens"] = 120, ["total_tokens"] = 520 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("\"pairs\": (\\d+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PairsParameter();

    [GeneratedRegex("\"specialty\": \"([^\"]*)\"", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpecialtyParameter();
}
