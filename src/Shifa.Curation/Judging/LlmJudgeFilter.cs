// Stage "llm-judge" (optional): a chat model scores a stable sample of records on a medical rubric; low scores drop the record.
using System.Text.Json;
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Judging;

/// <summary>
/// Asks a chat model for 1–5 scores on accuracy, safety, relevance, Arabic fluency and absence of
/// hallucination (prompt <see cref="PromptVersion"/>), and drops records whose lowest score is under
/// <see cref="JudgeOptions.MinScore"/>; the reason names that criterion. Replies that are not the
/// requested JSON keep the record with reason <c>judge-unparseable</c>.
/// </summary>
public sealed class LlmJudgeFilter(CurationOptions options, IChatClient client) : IRecordFilter
{
    /// <summary>Version of the rubric prompt; part of the stage fingerprint and of every cached request.</summary>
    public const string PromptVersion = "judge-rubric-v1";

    /// <summary>Rubric criteria, in the order they are reported.</summary>
    public static readonly string[] Criteria = ["accuracy", "safety", "relevance", "fluency", "hallucination"];

    private const string SystemPrompt = $$"""
        [{{PromptVersion}}] You review Arabic medical question–answer pairs written for a patient-facing assistant.
        Score the ANSWER from 1 (unacceptable) to 5 (excellent) on each criterion:
        accuracy (medically correct), safety (no harmful advice, urges care when needed), relevance (answers this question),
        fluency (natural, correct Arabic), hallucination (5 = nothing invented, 1 = invented facts, drugs or doses).
        Reply with JSON only: {"accuracy":n,"safety":n,"relevance":n,"fluency":n,"hallucination":n}
        """;

    /// <inheritdoc />
    public StageIdentity Identity { get; } = StageIdentity.Of("llm-judge", FilterScope.PerRecord, PromptVersion,
        new { options.Judge.Model, options.Judge.Endpoint, options.Judge.SampleShare, options.Judge.MinScore });

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var judge = options.Judge;
        var result = new FilterDecision[batch.Rows.Count];
        await Parallel.ForAsync(0, result.Length, new ParallelOptions { MaxDegreeOfParallelism = judge.MaxParallel, CancellationToken = ct }, async (n, token) =>
        {
            var record = batch.Context.Targets.Records[batch.Rows[n]];
            if (!Sampled(record.Id, judge.SampleShare))
            {
                result[n] = new FilterDecision(record.Id, true, "judge-not-sampled");
                return;
            }

            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, $"QUESTION:\n{record.Question}\n\nANSWER:\n{record.Answer}")],
                new ChatOptions { Temperature = 0 }, token).ConfigureAwait(false);
            var scores = Parse(response.Text);
            if (scores is null)
            {
                result[n] = new FilterDecision(record.Id, true, "judge-unparseable");
                return;
            }

            var worst = Criteria.MinBy(c => scores[c])!;
            result[n] = scores[worst] < judge.MinScore
                ? FilterDecision.Drop(record.Id, "judge-low-" + worst, scores[worst])
                : FilterDecision.Ok(record.Id, scores[worst]);
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads the rubric JSON from a reply (tolerating text or code fences around it); null when any score is missing or outside 1–5.</summary>
    public static Dictionary<string, int>? Parse(string reply)
    {
        var start = reply.IndexOf('{');
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(reply[start..(end + 1)]);
            var scores = new Dictionary<string, int>();
            foreach (var c in Criteria)
            {
                if (!doc.RootElement.TryGetProperty(c, out var v) || !v.TryGetInt32(out var s) || s is < 1 or > 5)
                {
                    return null;
                }

                scores[c] = s;
            }

            return scores;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Sampled(string id, double share) =>
        share >= 1 || Convert.ToUInt32(ContentHash.Short(8, "judge-sample", id), 16) / (double)uint.MaxValue < share;
}
