// Stage "restatement": an answer that only repeats the question.
using Shifa.Core.Records;
using Shifa.Curation.Dedup;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>
/// Drops answers whose character 4-shingles are mostly (≥ <see cref="CurationOptions.RestatementContainment"/>)
/// found in the question: the answer adds nothing. Score: that containment share.
/// </summary>
public sealed class RestatementFilter(CurationOptions options) : RecordRule
{
    private static readonly MinHasher Shingler = new(4, 16);

    /// <inheritdoc />
    public override StageIdentity Identity { get; } = StageIdentity.Of("restatement", FilterScope.PerRecord, "v1", new { options.RestatementContainment, Shingle = 4 });

    /// <inheritdoc />
    public override FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer)
    {
        var containment = Containment(normalizedAnswer, normalizedQuestion);
        return containment >= options.RestatementContainment
            ? FilterDecision.Drop(record.Id, "answer-restates-question", containment)
            : FilterDecision.Ok(record.Id, containment);
    }

    /// <summary>Share of <paramref name="answer"/>'s shingles that also occur in <paramref name="question"/>.</summary>
    public static double Containment(string answer, string question)
    {
        var a = Shingler.ShingleSet(answer);
        if (a.Count == 0)
        {
            return 0;
        }

        var q = Shingler.ShingleSet(question);
        return (double)a.Count(q.Contains) / a.Count;
    }
}
