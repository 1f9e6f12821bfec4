// The chat page and its streaming endpoint (cookie-authenticated, antiforgery header, safety layer).
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Shifa.Web.Hosting;
using Shifa.Web.Safety;
using static Shifa.Web.Html.HtmlPage;

namespace Shifa.Web.Chat;

/// <summary>Maps <c>/chat</c> and <c>/chat/stream</c>.</summary>
public static class ChatPage
{
    /// <summary>Maps the chat page for any signed-in user.</summary>
    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/chat", (HttpContext http) => Render(http, "اسأل شفاء", $"""
            <div class="card label">{E(SafetyMessages.Disclaimer)}</div>
            <div id="chat-log"></div>
            <form id="chat-form" class="card" data-token="{E(AntiforgeryToken(http))}">
            <textarea id="question" rows="3" dir="auto" placeholder="اكتب سؤالك الصحي هنا"></textarea>
            <div class="row"><button class="primary" type="submit" id="send">إرسال</button></div>
            </form>
            """));
        routes.MapPost("/chat/stream", StreamAsync).DisableAntiforgery();
        return routes;
    }

    private static async Task StreamAsync(HttpContext http, IAntiforgery antiforgery, [FromKeyedServices(ShifaWebHost.SafeChatKey)] IChatClient chat)
    {
        // The body is JSON, so the form-based automatic check does not apply: the page sends the token as a header.
        if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("missing or invalid antiforgery token", http.RequestAborted).ConfigureAwait(false);
            return;
        }

        string? message;
        try
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
        }
        catch (JsonException)
        {
            message = null;
        }

        if (string.IsNullOrWhiteSpace(message) || message.Length > 4000)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("message must be 1–4000 characters", http.RequestAborted).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await foreach (var update in chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, message)], cancellationToken: http.RequestAborted).ConfigureAwait(false))
        {
            var urgent = update.AdditionalProperties?.ContainsKey(SafetyChatClient.RedFlagProperty) == true;
            var payload = JsonSerializer.Serialize(new { content = update.Text, urgent });
            await http.Response.WriteAsync("data: " + payload + "\n\n", http.RequestAborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }

        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted).ConfigureAwait(false);
    }
}
