// The OpenAI-compatible surface: GET /v1/models and POST /v1/chat/completions, streaming as
// server-sent events in OpenAI's chat.completion.chunk shape ending with `data: [DONE]`.
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Shifa.Web.Hosting;

namespace Shifa.Web.OpenAiApi;

/// <summary>Maps the OpenAI-compatible API.</summary>
public static class OpenAiEndpoints
{
    /// <summary>Authorization policy for API-key callers.</summary>
    public const string Policy = "api-key";

    /// <summary>Rate-limiter policy partitioned per API key.</summary>
    public const string RateLimitPolicy = "per-key";

    /// <summary>Maps <c>/v1/models</c> and <c>/v1/chat/completions</c>.</summary>
    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v1 = routes.MapGroup("/v1").RequireAuthorization(Policy).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        v1.MapGet("/models", (ShifaWebOptions o) => Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["id"] = o.ModelName, ["object"] = "model", ["created"] = 1700000000, ["owned_by"] = "shifa" }),
        }));
        v1.MapPost("/chat/completions", CompleteAsync);
        return routes;
    }

    private static async Task CompleteAsync(HttpContext http, ShifaWebOptions o)
    {
        var chat = http.RequestServices.GetRequiredKeyedService<IChatClient>(
            http.User.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.NoDisclaimerClaim) ? ShifaWebHost.SafeChatWithoutDisclaimerKey : ShifaWebHost.SafeChatKey);
        ChatCompletionRequest request;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            request = ChatCompletionRequest.Parse(doc.RootElement);
        }
        catch (JsonException ex)
        {
            await OpenAiErrors.WriteAsync(http, 400, "Request body is not valid JSON: " + ex.Message, "invalid_request_error").ConfigureAwait(false);
            return;
        }
        catch (ChatCompletionRequestException ex)
        {
            await OpenAiErrors.WriteAsync(http, 400, ex.Message, "invalid_request_error", param: ex.Param).ConfigureAwait(false);
            return;
        }

        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var model = request.Model ?? o.ModelName;
        var options = request.ToChatOptions();
        if (!request.Stream)
        {
            var response = await chat.GetResponseAsync(request.Messages, options, http.RequestAborted).ConfigureAwait(false);
            var content = response.Text;
            var body = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                    ["logprobs"] = null,
                    ["finish_reason"] = FinishReason(response.FinishReason),
                }),
                ["usage"] = Usage(request.PromptWords, CountWords(content)),
                ["system_fingerprint"] = null,
            };
            await Results.Json(body).ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await WriteChunkAsync(http, Chunk(id, created, model, new JsonObject { ["role"] = "assistant", ["content"] = "" }, null)).ConfigureAwait(false);
        var words = 0;
        string? finish = null;
        await foreach (var update in chat.GetStreamingResponseAsync(request.Messages, options, http.RequestAborted).ConfigureAwait(false))
        {
            var text = update.Text;
            if (!string.IsNullOrEmpty(text))
            {
                words += CountWords(text);
                await WriteChunkAsync(http, Chunk(id, created, model, new JsonObject { ["content"] = text }, null)).ConfigureAwait(false);
            }

            if (update.FinishReason is { } f)
            {
                finish = FinishReason(f);
            }
        }

        await WriteChunkAsync(http, Chunk(id, created, model, new JsonObject(), finish ?? "stop")).ConfigureAwait(false);
        if (request.IncludeUsage)
        {
            var usageChunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["system_fingerprint"] = null,
                ["choices"] = new JsonArray(),
                ["usage"] = Usage(request.PromptWords, words),
            };
            await WriteChunkAsync(http, usageChunk).ConfigureAwait(false);
        }

        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject Chunk(string id, long created, string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = id,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = model,
        ["system_fingerprint"] = null,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finish }),
    };

    private static async Task WriteChunkAsync(HttpContext http, JsonObject chunk)
    {
        await http.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    // Counts are whitespace words, not model tokens: Shifa's backends do not share one tokenizer.
    private static JsonObject Usage(int prompt, int completion) =>
        new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };

    internal static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string FinishReason(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "length" : reason == ChatFinishReason.ContentFilter ? "content_filter" : reason == ChatFinishReason.ToolCalls ? "tool_calls" : "stop";
}
