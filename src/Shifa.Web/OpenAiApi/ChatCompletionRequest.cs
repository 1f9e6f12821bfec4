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

    /// <summary>
    /// <c>response_format</c> (text, json_object or json_schema), passed on to the backend: a remote provider
    /// enforces it; local models and retrieval ignore it, so callers must validate what comes back.
    /// </summary>
    public ChatResponseFormat? ResponseFormat { get; init; }

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
            ResponseFormat = Format(root),
        };
    }

    /// <summary>
    /// Options for the backend. The caller's <c>model</c> is only echoed back, never passed on: the
    /// backend (a local model, retrieval or the operator's remote provider) runs the model it was built with.
    /// </summary>
    public ChatOptions ToChatOptions() => new()
    {
        Temperature = Temperature,
        TopP = TopP,
        MaxOutputTokens = MaxTokens,
        ResponseFormat = ResponseFormat,
    };

    private static ChatResponseFormat? Format(JsonElement root)
    {
        if (!root.TryGetProperty("response_format", out var f) || f.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "text":
                return ChatResponseFormat.Text;
            case "json_object":
                return ChatResponseFormat.Json;
            case "json_schema":
                if (!f.TryGetProperty("json_schema", out var js) || js.ValueKind != JsonValueKind.Object
                    || !js.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.Object)
                {
                    throw new ChatCompletionRequestException("response_format.json_schema.schema must be a JSON object.", "response_format.json_schema.schema");
                }

                return ChatResponseFormat.ForJsonSchema(
                    schema.Clone(),
                    js.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
                    js.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
            default:
                throw new ChatCompletionRequestException("response_format.type must be one of text, json_object, json_schema.", "response_format.type");
        }
    }

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
