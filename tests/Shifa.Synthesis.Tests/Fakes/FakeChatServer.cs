// A real Kestrel server on 127.0.0.1 speaking the OpenAI chat-completions wire protocol (and the shape of
// Gemini's OpenAI-compatible endpoint), with faults injected on demand.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shifa.Synthesis.Tests.Fakes;

public sealed partial class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private int _counter;

    private FakeChatServer(WebApplication app) => _app = app;

    /// <summary>Chooses a fault per request (request number from 1); default none.</summary>
    public Func<int, Fault> Faults { get; set; } = _ => Fault.None;

    /// <summary>Simulated latency of a normal response.</summary>
    public Func<TimeSpan> Latency { get; set; } = () => TimeSpan.Zero;

    /// <summary>How long a <see cref="Fault.Slow"/> response takes.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>When set, awaited before request n (from 1) is answered, outside the fault lock: holds a request in flight.</summary>
    public Func<int, Task>? Hold { get; set; }

    /// <summary>Headers of a 429.</summary>
    public Dictionary<string, string> RateLimitHeaders { get; set; } = new() { ["retry-after-ms"] = "20" };

    /// <summary>When set, a successful request returns this body verbatim (a recorded provider response).</summary>
    public Func<string, string>? Canned { get; set; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The /v1/files and /v1/batches endpoints.</summary>
    public FakeBatchApi Batch { get; } = new();

    public int Requests => Volatile.Read(ref _counter);

    public ConcurrentDictionary<Fault, int> Served { get; } = new();

    /// <summary>Request bodies seen (model, response_format) for assertions.</summary>
    public ConcurrentQueue<JsonNode> Bodies { get; } = new();

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/v1/chat/completions", ctx => server.HandleAsync(ctx, gemini: false));
        app.MapPost("/v1beta/openai/chat/completions", ctx => server.HandleAsync(ctx, gemini: true));
        server.Batch.Map(app);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    private async Task HandleAsync(HttpContext ctx, bool gemini)
    {
        var n = Interlocked.Increment(ref _counter);
        Fault fault;
        lock (_gate)
        {
            fault = Faults(n);
        }

        if (Hold is { } hold)
        {
            await hold(n);
        }

        Served.AddOrUpdate(fault, 1, (_, v) => v + 1);
        var body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) ?? new JsonObject();
        Bodies.Enqueue(body);
        switch (fault)
        {
            case Fault.RateLimited:
                foreach (var (k, v) in RateLimitHeaders)
                {
                    ctx.Response.Headers[k] = v;
                }

                await Error(ctx, 429, "Rate limit reached for requests", "rate_limit_exceeded");
                return;
            case Fault.Error500:
                await Error(ctx, 500, "The server had an error while processing your request.", "server_error");
                return;
            case Fault.Error503:
                await Error(ctx, 503, "The engine is currently overloaded, please try again later.", "overloaded");
                return;
            case Fault.Unauthorized:
                await Error(ctx, 401, "Incorrect API key provided.", "invalid_api_key");
                return;
            case Fault.Reset:
                ctx.Abort();
                return;
            case Fault.Slow:
                try { await Task.Delay(SlowDelay, ctx.RequestAborted); } catch (OperationCanceledException) { return; }
                break;
        }

        var latency = Latency();
        if (latency > TimeSpan.Zero)
        {
            try { await Task.Delay(latency, ctx.RequestAborted); } catch (OperationCanceledException) { return; }
        }

        var user = body["messages"]?.AsArray().LastOrDefault()?["content"]?.GetValue<string>() ?? "";
        var pairs = PairsRegex().Match(user) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        var content = Content(n, pairs);
        var finish = "stop";
        switch (fault)
        {
            case Fault.MalformedJson:
                content = "{\"pairs\": [{\"question\": 'سؤال', \"answer\": }]}";
                break;
            case Fault.TruncatedJson:
                content = content[..(content.Length / 2)];
                finish = "length";
                break;
            case Fault.WrongSchema:
                content = "{\"items\": [{\"q\": \"سؤال\", \"a\": \"جواب\"}]}";
                break;
        }

        var model = body["model"]?.GetValue<string>() ?? "gpt-4o";
        var promptTokens = Encoding.UTF8.GetByteCount(user) / 4;
        var completionTokens = Encoding.UTF8.GetByteCount(content) / 4;
        string json;
        if (Canned is not null)
        {
            json = Canned(content);
        }
        else if (gemini)
        {
            // Gemini's compatible endpoint: no token details; total counts thinking tokens too.
            json = new JsonObject
            {
                ["choices"] = new JsonArray(new JsonObject { ["finish_reason"] = finish, ["index"] = 0, ["message"] = new JsonObject { ["content"] = content, ["role"] = "assistant" } }),
                ["created"] = 1750000000,
                ["id"] = "gem-" + n.ToString(CultureInfo.InvariantCulture),
                ["model"] = model,
                ["object"] = "chat.completion",
                ["usage"] = new JsonObject { ["completion_tokens"] = completionTokens, ["prompt_tokens"] = promptTokens, ["total_tokens"] = promptTokens + completionTokens + 100 },
            }.ToJsonString();
        }
        else
        {
            json = new JsonObject
            {
                ["id"] = "chatcmpl-" + n.ToString(CultureInfo.InvariantCulture),
                ["object"] = "chat.completion",
                ["created"] = 1750000000,
                ["model"] = model + "-2024-08-06",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                    ["logprobs"] = null,
                    ["finish_reason"] = finish,
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = promptTokens,
                    ["completion_tokens"] = completionTokens,
                    ["total_tokens"] = promptTokens + completionTokens,
                    ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0 },
                    ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
                },
                ["system_fingerprint"] = "fp_test",
            }.ToJsonString();
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json, ctx.RequestAborted);
    }

    /// <summary>Valid pairs, unique per request so duplicates across requests would show.</summary>
    public static string Content(int request, int pairs)
    {
        var arr = new JsonArray();
        for (var i = 0; i < pairs; i++)
        {
            arr.Add(new JsonObject
            {
                ["question"] = $"عندي ألم في البطن من يومين مع غثيان، الطلب {request} رقم {i}، هل أحتاج إلى طبيب؟",
                ["answer"] = "قد يكون السبب التهاب المعدة، اشرب السوائل وتناول طعاماً خفيفاً، وإذا اشتد الألم أو ظهرت حرارة فراجع الطوارئ.",
                ["urgent"] = false,
            });
        }

        return new JsonObject { ["pairs"] = arr }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static Task Error(HttpContext ctx, int status, string message, string code)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error", ["param"] = null, ["code"] = code },
        }.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("\"pairs\":\\s*(\\d+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PairsRegex();
}
