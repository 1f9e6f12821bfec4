// Stage "leakage": nothing kept may be a near or semantic copy of a test-split record (keeps evaluation honest).
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Leakage;

/// <summary>
/// Drops records whose character-shingle Jaccard to any test record reaches
/// <see cref="CurationOptions.LeakageJaccard"/> (LSH with rows of 3 so light edits are still found),
/// or whose embedding cosine to the nearest test record (exact search) reaches <see cref="CurationOptions.LeakageCosine"/>.
/// </summary>
public sealed class LeakageFilter(CurationOptions options) : IRecordFilter
{
    /// <inheritdoc />
    public StageIdentity Identity { get; } = StageIdentity.Of("leakage", FilterScope.PerRecord, "v1",
        new { options.LeakageJaccard, options.LeakageCosine, options.ShingleSize, options.MinHashPermutations, options.Embedder }, usesReferences: true);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var ctx = batch.Context;
        var result = new FilterDecision[batch.Rows.Count];
        if (ctx.Test.Count == 0)
        {
            for (var n = 0; n < result.Length; n++)
            {
                result[n] = new FilterDecision(ctx.Targets.Records[batch.Rows[n]].Id, true, "no-test-split");
            }

            return result;
        }

        var nearest = await ctx.NearestTestAsync(ct).ConfigureAwait(false);
        var lsh = ctx.TestLsh;
        Parallel.For(0, result.Length, new ParallelOptions { CancellationToken = ct }, n =>
        {
            var row = batch.Rows[n];
            var id = ctx.Targets.Records[row].Id;
            double bestJ = 0;
            var bestJRow = -1;
            foreach (var t in lsh.Query(ctx.Targets.Signature(ctx.MinHasher, row)))
            {
                if (ctx.Test.Records[t].Id == id)
                {
                    continue;
                }

                var j = ctx.Jaccard(ctx.Targets, row, ctx.Test, t, options.LeakageJaccard);
                if (j > bestJ)
                {
                    (bestJ, bestJRow) = (j, t);
                }
            }

            var (pos, cos) = nearest.Best(row);
            if (bestJRow >= 0 && bestJ >= options.LeakageJaccard)
            {
                result[n] = FilterDecision.Drop(id, "leaks-test-near", bestJ, ctx.Test.Records[bestJRow].Id);
            }
            else if (pos >= 0 && cos >= options.LeakageCosine)
            {
                result[n] = FilterDecision.Drop(id, "leaks-test-semantic", cos, ctx.Test.Records[pos].Id);
            }
            else
            {
                result[n] = FilterDecision.Ok(id, pos >= 0 ? cos : null);
            }
        });
        return result;
    }
}
