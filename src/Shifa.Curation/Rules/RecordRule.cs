// Base of the per-record rule stages: a pure function of one record, run in parallel.
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>A stage that looks at one record at a time and nothing else.</summary>
public abstract class RecordRule : IRecordFilter
{
    /// <inheritdoc />
    public abstract StageIdentity Identity { get; }

    /// <summary>Decides one record, given also its ForMatching question and answer.</summary>
    public abstract FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer);

    /// <summary>Decides one record on its own (normalizes the text itself).</summary>
    public FilterDecision Decide(QaRecord record) =>
        Decide(record, Text.MatchingText.Normalize(record.Question), Text.MatchingText.Normalize(record.Answer));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var rows = batch.Rows;
        var set = batch.Context.Targets;
        var result = new FilterDecision[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i =>
            result[i] = Decide(set.Records[rows[i]], set.NormalizedQuestions[rows[i]], set.NormalizedAnswers[rows[i]]));
        return ValueTask.FromResult<IReadOnlyList<FilterDecision>>(result);
    }
}
