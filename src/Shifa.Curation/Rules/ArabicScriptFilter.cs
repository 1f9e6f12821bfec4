// Stage "arabic-script": enough of the letters are Arabic, in the question and in the answer.
using Shifa.Core.Arabic;
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>Drops records whose question or answer has an Arabic-letter share below the minimum (score: the lower share).</summary>
public sealed class ArabicScriptFilter(CurationOptions options) : RecordRule
{
    /// <inheritdoc />
    public override StageIdentity Identity { get; } = StageIdentity.Of("arabic-script", FilterScope.PerRecord, "v1", new { options.MinArabicRatio });

    /// <inheritdoc />
    public override FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer)
    {
        var q = ArabicScript.Ratio(record.Question);
        var a = ArabicScript.Ratio(record.Answer);
        if (q < options.MinArabicRatio)
        {
            return FilterDecision.Drop(record.Id, "question-not-arabic", q);
        }

        return a < options.MinArabicRatio ? FilterDecision.Drop(record.Id, "answer-not-arabic", a) : FilterDecision.Ok(record.Id, Math.Min(q, a));
    }
}
