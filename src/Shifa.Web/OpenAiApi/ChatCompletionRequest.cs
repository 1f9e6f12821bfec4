// Reads the subset of OpenAI's chat-completion request that Shifa's backends understand and rejects
// the rest by field name rather than ignoring it silently.
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Shifa.Web.OpenAiApi;

/// <summary>A parsed <c>POST /v1/chat/completions</c> body.</summary>
public sealed record ChatCompletionRequest
{
    /// <summary>Requested model id (echoed back).</summary>
    public string? Model { get; init; }

    /// <summary>Conversation.</summary>
    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>Stream as server-sent events.</summary>
    public bool Stream { get; init; }

    /// <summary><c>stream_options.include_usage</c>.</summary>
    public bool IncludeUsage { get; init; }

    /// <summary>Sampling temperature.</summary>
    public float? Temperature { get; init; }

    /// <summary>Nucleus sampling mass.</summary>
    public float? TopP { get; init; }

    /// <summary><c>max_completion_tokens</c> or the older <c>max_tokens</c>.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Whitespace words in all message texts (the usage figure reported back).</summary>
    public int PromptWords => Messages.Sum(m => OpenAiEndpoints.CountWords(m.Text));

    /// <summary>Parses and validates a request body.</summary>
    public static ChatCompletionRequest Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ChatCompletionRequestException("Request body must be a JSON object.", null);
        }

        if (!root.TryGetProperty("messages", out var msgs) || msgs.ValueKind != JsonValueKind.Array || msgs.GetArrayLength() == 0)
        {
            throw new ChatCompletionRequestException("'messages' must be a non-empty array.", "messages");
        }

        if (root.TryGetProperty("n", out var n) && n.ValueKind == JsonValueKind.Number && n.GetInt32() != 1)
        {
            throw new ChatCompletionRequestException("Only n = 1 is supported.", "n");
        }

        var messages = new List<ChatMessage>();
        var i = 0;
        foreach (var m in msgs.EnumerateArray())
        {
            var role = m.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : throw new ChatCompletionRequestException($"messages[{i}].role is missing.", $"messages[{i}].role");
            var chatRole = role switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                "tool" => ChatRole.Tool,
                _ => throw new ChatCompletionRequestException($"messages[{i}].role '{role}' is not one of system, developer, user, assistant, tool.", $"messages[{i}].role"),
            };
            messages.Add(new ChatMessage(chatRole, ContentText(m, i)));
            i++;
        }

        var includeUsage = root.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        return new ChatCompletionRequest
        {
            Model = root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString() : null,
            Messages = messages,
            Stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True,
            IncludeUsage = includeUsage,
            Temperature = Number(root, "temperature"),
            TopP = Number(root, "top_p"),
            MaxTokens = (int?)(Number(root, "max_completion_tokens") ?? Number(root, "max_tokens")),
        };
    }

    /// <summary>Options for the backend.</summary>
    public ChatOptions ToChatOptions(string modelName) => new()
    {
        ModelId = Model ?? modelName,
        Temperature = Temperature,
        TopP = TopP,
        MaxOutputTokens = MaxTokens,
    };

    private static float? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetSingle() : null;

    private static string ContentText(JsonElement m, int i)
    {
        if (!m.TryGetProperty("content", out var c) || c.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        if (c.ValueKind == JsonValueKind.String)
        {
            return c.GetString()!;
        }

        if (c.ValueKind != JsonValueKind.Array)
        {
            throw new ChatCompletionRequestException($"messages[{i}].content must be a string or an array of parts.", $"messages[{i}].content");
        }

        var sb = new StringBuilder();
        foreach (var part in c.EnumerateArray())
        {
            var type = part.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type != "text")
            {
                throw new ChatCompletionRequestException($"messages[{i}].content part of type '{type}' is not supported; Shifa serves text only.", $"messages[{i}].content");
            }

            sb.Append(part.GetProperty("text").GetString());
        }

        return sb.ToString();
    }
}
