namespace Shifa.Web.OpenAiApi;

/// <summary>A chat-completion request that cannot be served; <see cref="Param"/> names the offending field.</summary>
public sealed class ChatCompletionRequestException(string message, string? param) : Exception(message)
{
    /// <summary>The request field at fault (OpenAI's <c>param</c>).</summary>
    public string? Param { get; } = param;
}
