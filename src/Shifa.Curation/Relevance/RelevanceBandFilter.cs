// Stage "relevance": similarity to the nearest seed record must lie inside a band.
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Relevance;

/// <summary>
/// Keeps records whose cosine to the nearest seed record lies in
/// [<c>RelevanceBand[0]</c>, <c>RelevanceBand[1]</c>]: below is off-topic, above is a copy of an exemplar.
/// <c>shifa curate calibrate</c> suggests the band from the seed set's own nearest-neighbour distribution.
/// </summary>
public sealed class RelevanceBandFilter(CurationOptions options) : IRecordFilter
{
    /// <inheritdoc />
    public StageIdentity Identity { get; } = StageIdentity.Of("relevance", FilterScope.PerRecord, "v1", new { options.RelevanceBand, options.Embedder }, usesReferences: true);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var ctx = batch.Context;
        var result = new FilterDecision[batch.Rows.Count];
        var nearest = ctx.Seed.Count == 0 ? null : await ctx.NearestSeedAsync(ct).ConfigureAwait(false);
        for (var n = 0; n < result.Length; n++)
        {
            var row = batch.Rows[n];
            var id = ctx.Targets.Records[row].Id;
            if (nearest is null || nearest.Best(row).Position < 0)
            {
                result[n] = new FilterDecision(id, true, "no-seed");
                continue;
            }

            var (pos, score) = nearest.Best(row);
            result[n] = score < options.RelevanceBand[0] ? FilterDecision.Drop(id, "off-topic", score, ctx.Seed.Records[pos].Id)
                : score > options.RelevanceBand[1] ? FilterDecision.Drop(id, "copy-of-exemplar", score, ctx.Seed.Records[pos].Id)
                : FilterDecision.Ok(id, score);
        }

        return result;
    }
}
