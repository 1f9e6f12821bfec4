// Stage "schema": required fields present and lengths within bounds.
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>Drops records with an empty id, question or answer, or a question/answer outside the length bounds.</summary>
public sealed class SchemaBoundsFilter(CurationOptions options) : RecordRule
{
    /// <inheritdoc />
    public override StageIdentity Identity { get; } = StageIdentity.Of("schema", FilterScope.PerRecord, "v1",
        new { options.MinQuestionChars, options.MaxQuestionChars, options.MinAnswerChars, options.MaxAnswerChars });

    /// <inheritdoc />
    public override FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer)
    {
        var q = record.Question?.Trim() ?? "";
        var a = record.Answer?.Trim() ?? "";
        if (q.Length == 0)
        {
            return FilterDecision.Drop(record.Id, "missing-question", 0);
        }

        if (a.Length == 0)
        {
            return FilterDecision.Drop(record.Id, "missing-answer", 0);
        }

        if (q.Length < options.MinQuestionChars)
        {
            return FilterDecision.Drop(record.Id, "question-too-short", q.Length);
        }

        if (q.Length > options.MaxQuestionChars)
        {
            return FilterDecision.Drop(record.Id, "question-too-long", q.Length);
        }

        if (a.Length < options.MinAnswerChars)
        {
            return FilterDecision.Drop(record.Id, "answer-too-short", a.Length);
        }

        return a.Length > options.MaxAnswerChars
            ? FilterDecision.Drop(record.Id, "answer-too-long", a.Length)
            : FilterDecision.Ok(record.Id, a.Length);
    }
}
