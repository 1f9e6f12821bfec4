// A versioned prompt: Arabic instructions, the item's parameters and exemplars, and the JSON schema to answer in.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.AI;
using Shifa.Core.Records;
using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Prompts;

/// <summary>
/// Renders a <see cref="WorkItem"/> into chat messages. The version is recorded on every item and
/// every generated record; change the text only by adding a new version.
/// </summary>
/// <param name="Version">Version id, e.g. <c>synth-ar-v1</c>.</param>
/// <param name="System">System instructions (Arabic).</param>
/// <param name="Task">User-message lead-in (Arabic); <c>{pairs}</c> is replaced by the number of pairs.</param>
/// <param name="MaxExemplarChars">Exemplar questions and answers are cut to this many characters.</param>
public sealed record PromptTemplate(string Version, string System, string Task, int MaxExemplarChars = 1200)
{
    private static readonly JsonSerializerOptions ParamsJson = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>JSON schema of the expected output: an object with exactly the requested pairs.</summary>
    public static JsonElement OutputSchema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "pairs": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "question": { "type": "string" },
                  "answer": { "type": "string" },
                  "urgent": { "type": "boolean" }
                },
                "required": ["question", "answer", "urgent"],
                "additionalProperties": false
              }
            }
          },
          "required": ["pairs"],
          "additionalProperties": false
        }
        """).RootElement.Clone();

    /// <summary>The system and user messages for <paramref name="item"/>.</summary>
    public List<ChatMessage> Render(WorkItem item, IReadOnlyList<QaRecord> exemplars)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["pairs"] = item.Pairs,
            ["specialty"] = item.Specialty ?? item.SpecialtyKey,
            ["question_type"] = ArabicLabels.QuestionType(item.QuestionType),
            ["dialect"] = ArabicLabels.Dialect(item.Dialect),
            ["persona"] = new Dictionary<string, object?>
            {
                ["gender"] = ArabicLabels.Gender(item.Persona.Gender),
                ["age"] = item.Persona.AgeYears,
            },
            ["exemplars"] = exemplars.Select(e => new Dictionary<string, string>
            {
                ["question"] = Cut(e.Question),
                ["answer"] = Cut(e.Answer),
            }).ToList(),
        };
        var user = Task.Replace("{pairs}", item.Pairs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            + "\n\n" + JsonSerializer.Serialize(parameters, ParamsJson);
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user)];
    }

    private string Cut(string s) => s.Length <= MaxExemplarChars ? s : s[..MaxExemplarChars] + "…";
}
