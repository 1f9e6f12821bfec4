// A local stand-in for a paid API: speaks OpenAI's /v1/embeddings and /v1/chat/completions wire format on 127.0.0.1, can answer 429 first.
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shifa.Curation.Tests.Fixtures;

internal sealed class FakeOpenAiServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Func<string, string> _chat;
    private int _rateLimitsLeft;

    public FakeOpenAiServer(int rateLimitFirst = 0, Func<string, string>? chat = null)
    {
        _chat = chat ?? (_ => "{}");
        _rateLimitsLeft = rateLimitFirst;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    /// <summary>Inputs of each successful request, in order.</summary>
    public List<string[]> Batches { get; } = [];

    public List<string?> Authorizations { get; } = [];

    public int Requests { get; private set; }

    /// <summary>The vector the server returns for a text: deterministic, so tests can predict it.</summary>
    public static float[] VectorOf(string text) => [text.Length, text[0] % 97, 1f];

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Requests++;
            Authorizations.Add(ctx.Request.Headers["Authorization"]);
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            if (_rateLimitsLeft > 0)
            {
                _rateLimitsLeft--;
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers["Retry-After"] = "0";
                await Write(ctx, """{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""");
                continue;
            }

            if (ctx.Request.Url!.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                var user = body["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!;
                var text = user is JsonValue v ? v.GetValue<string>() : string.Concat(user.AsArray().Select(p => p!["text"]?.GetValue<string>()));
                lock (Batches)
                {
                    Batches.Add([text]);
                }

                var completion = new JsonObject
                {
                    ["id"] = "chatcmpl-" + Requests,
                    ["object"] = "chat.completion",
                    ["created"] = 1_767_225_600,
                    ["model"] = body["model"]!.GetValue<string>(),
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = _chat(text) },
                        ["finish_reason"] = "stop",
                    }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
                };
                await Write(ctx, completion.ToJsonString());
                continue;
            }

            var inputs = body["input"] is JsonArray arr ? arr.Select(x => x!.GetValue<string>()).ToArray() : [body["input"]!.GetValue<string>()];
            lock (Batches)
            {
                Batches.Add(inputs);
            }

            var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
            var data = new JsonArray();
            for (var i = 0; i < inputs.Length; i++)
            {
                var v = VectorOf(inputs[i]);
                JsonNode embedding = base64
                    ? JsonValue.Create(Convert.ToBase64String(v.SelectMany(BitConverter.GetBytes).ToArray()))
                    : new JsonArray([.. v.Select(x => (JsonNode)JsonValue.Create(x))]);
                data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
            }

            var response = new JsonObject
            {
                ["object"] = "list",
                ["data"] = data,
                ["model"] = body["model"]!.GetValue<string>(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Length, ["total_tokens"] = inputs.Length },
            };
            await Write(ctx, response.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        }
    }

    private static async Task Write(HttpListenerContext ctx, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength64 = bytes.Length;
        await ctx.Response.OutputStream.WriteAsync(bytes);
        ctx.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
