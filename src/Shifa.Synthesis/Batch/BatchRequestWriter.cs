// Builds the Batch API input: one chat-completions request per work item, custom_id = item id.
using System.Text.Json;
using System.Text.Json.Nodes;
using Shifa.Core.Records;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Prompts;

namespace Shifa.Synthesis.Batch;

/// <summary>Writes batch JSONL lines in the OpenAI Batch API input format.</summary>
public static class BatchRequestWriter
{
    /// <summary>One JSONL line for <paramref name="item"/>, and its worst-case prompt tokens.</summary>
    public static (string Line, long PromptUpperBound) Line(WorkItem item, IReadOnlyList<QaRecord> exemplars, string model, int maxOutputTokens, float? temperature)
    {
        var messages = PromptLibrary.Get(item.PromptVersion).Render(item, exemplars);
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role.Value, ["content"] = m.Text })]),
            ["max_tokens"] = maxOutputTokens,
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject
                {
                    ["name"] = "shifa_qa_pairs",
                    ["strict"] = true,
                    ["schema"] = JsonNode.Parse(PromptTemplate.OutputSchema.GetRawText()),
                },
            },
        };
        if (temperature is { } t)
        {
            body["temperature"] = t;
        }

        var line = new JsonObject { ["custom_id"] = item.Id, ["method"] = "POST", ["url"] = "/v1/chat/completions", ["body"] = body };
        var bound = TokenEstimator.UpperBound(messages, new Microsoft.Extensions.AI.ChatOptions
        {
            ResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(PromptTemplate.OutputSchema),
        });
        return (line.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), bound);
    }
}
