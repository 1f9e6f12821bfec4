// A chat-completions server with simulated latency and a token-bucket request limit (429 + retry-after-ms when exceeded).
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shifa.Bench.Synthesis;

public static partial class LimitedChatServer
{
    public static async Task<int> ServeAsync(string[] args)
    {
        var rpm = Arg(args, "--rpm", 600);
        var minMs = Arg(args, "--min-latency-ms", 1000);
        var maxMs = Arg(args, "--max-latency-ms", 3000);
        // The provider's limit: the full per-minute amount refilled evenly, with a one-second burst.
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, rpm / 60), TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / rpm),
            QueueLimit = 0, AutoReplenishment = true,
        });
        var accepted = new ConcurrentQueue<double>();
        var rejected = 0;
        var clock = Stopwatch.StartNew();
        var counter = 0;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", async ctx =>
        {
            using var lease = limiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                Interlocked.Increment(ref rejected);
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers["retry-after-ms"] = "100";
                await ctx.Response.WriteAsync("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
                return;
            }

            accepted.Enqueue(clock.Elapsed.TotalSeconds);
            var n = Interlocked.Increment(ref counter);
            var body = await JsonNode.ParseAsync(ctx.Request.Body);
            var user = body?["messages"]?.AsArray().LastOrDefault()?["content"]?.GetValue<string>() ?? "";
            var pairs = Pairs().Match(user) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
            await Task.Delay(Random.Shared.Next(minMs, maxMs + 1));
            var arr = new JsonArray();
            for (var i = 0; i < pairs; i++)
            {
                arr.Add(new JsonObject
                {
                    ["question"] = $"عندي ألم في الظهر منذ أسبوع، الطلب {n} رقم {i}، ماذا أفعل؟",
                    ["answer"] = "ننصح بالراحة والكمادات الدافئة، وإذا ظهر خدر في الساقين أو ضعف فراجع الطوارئ فوراً.",
                    ["urgent"] = false,
                });
            }

            var content = new JsonObject { ["pairs"] = arr }.ToJsonString();
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(new JsonObject
            {
                ["id"] = "chatcmpl-" + n, ["object"] = "chat.completion", ["created"] = 1750000000, ["model"] = "gpt-4o-2024-08-06",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content }, ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = user.Length / 3, ["completion_tokens"] = content.Length / 3, ["total_tokens"] = user.Length / 3 + content.Length / 3 },
            }.ToJsonString());
        });
        app.MapGet("/stats", () =>
        {
            var times = accepted.OrderBy(t => t).ToArray();
            return JsonSerializer.Serialize(new { accepted = times.Length, rejected = Volatile.Read(ref rejected), first = times.FirstOrDefault(), last = times.LastOrDefault() });
        });
        await app.StartAsync();
        Console.WriteLine("listening " + app.Urls.First());
        // Runs until the bench closes stdin.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex("\"pairs\":\\s*(\\d+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pairs();
}
