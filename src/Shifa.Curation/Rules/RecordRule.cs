// Base of the per-record rule stages: a pure function of one record, run in parallel.
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>A stage that looks at one record at a time and nothing else.</summary>
public abstract class RecordRule : IRecordFilter
{
    /// <inheritdoc />
    public abstract StageIdentity Identity { get; }

    /// <summary>Decides one record.</summary>
    public abstract FilterDecision Decide(QaRecord record);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var rows = batch.Rows;
        var records = batch.Context.Targets.Records;
        var result = new FilterDecision[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i => result[i] = Decide(records[rows[i]]));
        return ValueTask.FromResult<IReadOnlyList<FilterDecision>>(result);
    }
}
