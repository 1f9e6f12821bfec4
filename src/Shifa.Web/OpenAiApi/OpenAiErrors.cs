using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Shifa.Web.OpenAiApi;

/// <summary>Writes errors in the OpenAI error body shape so official clients surface the message.</summary>
public static class OpenAiErrors
{
    /// <summary>Writes <c>{"error":{"message","type","param","code"}}</c> with <paramref name="status"/>.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string message, string type, string? code = null, string? param = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = new { error = new { message, type, param, code } };
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted).ConfigureAwait(false);
    }
}
