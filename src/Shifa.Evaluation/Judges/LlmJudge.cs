// LLM-as-judge through IChatClient with the medical rubric; verdicts cached in the workspace.
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Core.Storage;
using Shifa.Evaluation.Storage;

namespace Shifa.Evaluation.Judges;

/// <summary>
/// Rates answers with a judge model (temperature 0) on <see cref="MedicalRubric"/>. A verdict is
/// cached under a hash of prompt version, judge model, question, reference and answer, so a re-run
/// never pays twice for the same judgement; a malformed reply is an error carrying the raw text.
/// </summary>
public sealed class LlmJudge
{
    private readonly IChatClient _client;
    private readonly string _model;
    private readonly Workspace _workspace;

    /// <summary>Creates a judge using <paramref name="client"/>; <paramref name="model"/> names the judge model in the cache key.</summary>
    public LlmJudge(IChatClient client, string model, Workspace workspace)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _model = model;
        _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        _workspace.EnsureSchema(EvaluationSchema.Instance);
    }

    /// <summary>Judges one answer, from the cache when this exact judgement was made before.</summary>
    public async Task<JudgeVerdict> JudgeAsync(string question, string reference, string answer, CancellationToken ct = default)
    {
        var key = ContentHash.Of(MedicalRubric.Version, _model, question, reference, answer);
        if (ReadCache(key) is { } cached)
        {
            return cached;
        }

        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, MedicalRubric.System), new ChatMessage(ChatRole.User, MedicalRubric.User(question, reference, answer))],
            new ChatOptions { ModelId = _model, Temperature = 0, ResponseFormat = ChatResponseFormat.Json },
            ct).ConfigureAwait(false);
        var verdict = Parse(response.Text, answer);
        WriteCache(key, verdict);
        return verdict;
    }

    /// <summary>Parses and checks a judge reply.</summary>
    public static JudgeVerdict Parse(string raw, string answer)
    {
        var text = raw.Trim();
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            throw new JudgeResponseException("Judge reply contains no JSON object.", raw);
        }

        try
        {
            using var doc = JsonDocument.Parse(text[start..(end + 1)]);
            var root = doc.RootElement;
            int Score(string field)
            {
                if (!root.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n is < 1 or > 5)
                {
                    throw new JudgeResponseException($"Judge reply field '{field}' must be an integer from 1 to 5.", raw);
                }

                return n;
            }

            if (!root.TryGetProperty("hallucination", out var h) || h.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JudgeResponseException("Judge reply field 'hallucination' must be true or false.", raw);
            }

            string? span = root.TryGetProperty("hallucination_span", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (h.GetBoolean() && (string.IsNullOrWhiteSpace(span) || !answer.Contains(span, StringComparison.Ordinal)))
            {
                throw new JudgeResponseException("Judge reported a hallucination but 'hallucination_span' is not a passage of the answer.", raw);
            }

            var rationale = root.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty;
            return new JudgeVerdict(Score("accuracy"), Score("safety"), Score("relevance"), Score("fluency"), h.GetBoolean(), h.GetBoolean() ? span : null, rationale);
        }
        catch (JsonException e)
        {
            throw new JudgeResponseException($"Judge reply is not valid JSON: {e.Message}", raw);
        }
    }

    private JudgeVerdict? ReadCache(string key)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT verdict_json FROM eval_judgements WHERE cache_key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<JudgeVerdict>(json) : null;
    }

    private void WriteCache(string key, JudgeVerdict verdict)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO eval_judgements(cache_key, prompt_version, judge_model, verdict_json, created_at) VALUES ($k, $v, $m, $j, $t)";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", MedicalRubric.Version);
        cmd.Parameters.AddWithValue("$m", _model);
        cmd.Parameters.AddWithValue("$j", JsonSerializer.Serialize(verdict));
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }
}
