// Stage "exact-dup": equal ForMatching text (so alef/ya/tashkeel/tatweel variants count as equal).
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Dedup;

/// <summary>
/// Drops a record whose normalized question + answer equals a seed record's, or an earlier kept
/// target's (canonical order: the first copy stays). Compares the texts themselves, so there are no hash collisions.
/// </summary>
public sealed class ExactDuplicateFilter : IRecordFilter
{
    /// <inheritdoc />
    public StageIdentity Identity { get; } = StageIdentity.Of("exact-dup", FilterScope.WholeSet, "v1", new { Text = "ForMatching(question)\\nForMatching(answer)" }, usesReferences: true);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var ctx = batch.Context;
        var seed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ctx.Seed.Count; i++)
        {
            seed.TryAdd(ctx.Seed.MatchTexts[i], i);
        }

        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new FilterDecision[batch.Rows.Count];
        for (var n = 0; n < result.Length; n++)
        {
            var row = batch.Rows[n];
            var text = ctx.Targets.MatchTexts[row];
            var id = ctx.Targets.Records[row].Id;
            if (seed.TryGetValue(text, out var s) && ctx.Seed.Records[s].Id != id)
            {
                result[n] = FilterDecision.Drop(id, "exact-duplicate-of-seed", 1, ctx.Seed.Records[s].Id);
            }
            else if (kept.TryGetValue(text, out var first))
            {
                result[n] = FilterDecision.Drop(id, "exact-duplicate", 1, ctx.Targets.Records[first].Id);
            }
            else
            {
                kept[text] = row;
                result[n] = FilterDecision.Ok(id);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<FilterDecision>>(result);
    }
}
