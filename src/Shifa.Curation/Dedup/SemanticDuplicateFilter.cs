// Stage "semantic-dup": embedding cosine to a seed record or to an earlier kept target.
using Shifa.Curation.Pipeline;
using Shifa.Curation.Search;

namespace Shifa.Curation.Dedup;

/// <summary>
/// Drops a record whose cosine to its nearest seed record, or to an earlier kept target, reaches
/// <see cref="CurationOptions.SemanticDuplicateCosine"/>. Within the set it searches the 8 nearest
/// earlier records exactly (<see cref="VectorSearch"/>) and keeps the first of each group in canonical order.
/// </summary>
public sealed class SemanticDuplicateFilter(CurationOptions options) : IRecordFilter
{
    private const int Neighbours = 8;

    /// <inheritdoc />
    public StageIdentity Identity { get; } = StageIdentity.Of("semantic-dup", FilterScope.WholeSet, "v1",
        new { options.SemanticDuplicateCosine, options.Embedder, Neighbours }, usesReferences: true);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var ctx = batch.Context;
        var t = options.SemanticDuplicateCosine;
        var rows = batch.Rows;
        var seed = ctx.Seed.Count > 0 ? await ctx.NearestSeedAsync(ct).ConfigureAwait(false) : null;
        var vectors = await ctx.VectorsAsync(ctx.Targets, ct).ConfigureAwait(false);
        var within = VectorSearch.TopK(vectors, rows, vectors, rows, Neighbours, earlierOnly: true);
        var result = new FilterDecision[rows.Count];
        var kept = new bool[rows.Count];
        for (var n = 0; n < rows.Count; n++)
        {
            var id = ctx.Targets.Records[rows[n]].Id;
            if (seed is not null && seed.Best(rows[n]) is var (sp, ss) && sp >= 0 && ss >= t)
            {
                result[n] = FilterDecision.Drop(id, "semantic-duplicate-of-seed", ss, ctx.Seed.Records[sp].Id);
                continue;
            }

            var dropped = false;
            for (var r = 0; r < Neighbours; r++)
            {
                var p = within.Corpus[n * Neighbours + r];
                var s = within.Scores[n * Neighbours + r];
                if (p < 0 || s < t)
                {
                    break;
                }

                if (kept[p])
                {
                    result[n] = FilterDecision.Drop(id, "semantic-duplicate", s, ctx.Targets.Records[rows[p]].Id);
                    dropped = true;
                    break;
                }
            }

            if (!dropped)
            {
                kept[n] = true;
                result[n] = FilterDecision.Ok(id, within.Best(n).Position >= 0 ? within.Best(n).Score : null);
            }
        }

        return result;
    }
}
