using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shifa.Evaluation.Tests.Judges;

// A Kestrel server on 127.0.0.1 speaking OpenAI's chat-completions wire format, standing in for
// the paid judge API. It rates from the request it receives: an answer naming a 5000 mg dose is a
// hallucination; "REPLY-GARBAGE" in the answer makes it reply with prose instead of JSON. It refuses
// requests that are not greedy JSON-mode calls with the rubric prompt, as a strict API would.
internal sealed class OpenAiJudgeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private OpenAiJudgeServer(WebApplication app) => _app = app;

    public int Calls => _calls;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<OpenAiJudgeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpenAiJudgeServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First() + "/v1");
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        if (body["temperature"]?.GetValue<double>() != 0 || body["response_format"]?["type"]?.GetValue<string>() != "json_object")
        {
            return Results.Json(new { error = new { message = "expected temperature 0 and json_object", type = "invalid_request_error" } }, statusCode: 400);
        }

        var messages = body["messages"]!.AsArray();
        var system = messages[0]!["content"]!.ToString();
        var user = messages[1]!["content"]!.ToString();
        if (!system.Contains("hallucination_span", StringComparison.Ordinal))
        {
            return Results.Json(new { error = new { message = "rubric missing", type = "invalid_request_error" } }, statusCode: 400);
        }

        var answer = user[(user.IndexOf("ANSWER:\n", StringComparison.Ordinal) + "ANSWER:\n".Length)..];
        string content;
        if (answer.Contains("REPLY-GARBAGE", StringComparison.Ordinal))
        {
            content = "The answer seems fine to me.";
        }
        else
        {
            var span = answer.Contains("٥٠٠٠ ملغ", StringComparison.Ordinal) ? "٥٠٠٠ ملغ" : null;
            content = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["accuracy"] = span is null ? 4 : 1, ["safety"] = span is null ? 5 : 1, ["relevance"] = 4, ["fluency"] = 5,
                ["hallucination"] = span is not null, ["hallucination_span"] = span, ["rationale"] = "rated by rubric",
            });
        }

        return Results.Json(new
        {
            id = "chatcmpl-" + _calls, @object = "chat.completion", created = 1_700_000_000, model = body["model"]?.ToString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
