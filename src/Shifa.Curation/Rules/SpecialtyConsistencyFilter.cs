// Stage "specialty": the record's text sits near the centroid of its labelled specialty among the seed specialties.
using System.Numerics.Tensors;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>
/// Nearest-centroid check: each seed specialty with at least <see cref="CurationOptions.SpecialtyMinSeedRecords"/>
/// records gets the normalized mean of its records' embeddings; a record is dropped when its own
/// label's centroid is not among the <see cref="CurationOptions.SpecialtyTopK"/> most similar ones.
/// Records without a label, or with a label the seed lacks, are kept with a reason saying so.
/// </summary>
public sealed class SpecialtyConsistencyFilter(CurationOptions options) : IRecordFilter
{
    /// <inheritdoc />
    public StageIdentity Identity { get; } = StageIdentity.Of("specialty", FilterScope.PerRecord, "v1",
        new { options.SpecialtyTopK, options.SpecialtyMinSeedRecords, options.Embedder }, usesReferences: true);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var ctx = batch.Context;
        var seedVectors = await ctx.VectorsAsync(ctx.Seed, ct).ConfigureAwait(false);
        var targetVectors = await ctx.VectorsAsync(ctx.Targets, ct).ConfigureAwait(false);
        var centroids = new List<(string Label, float[] Vector)>();
        foreach (var group in Enumerable.Range(0, ctx.Seed.Count).GroupBy(i => Label(ctx.Seed.Records[i].SpecialtyKey, ctx.Seed.Records[i].Specialty)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (group.Key is null || group.Count() < options.SpecialtyMinSeedRecords)
            {
                continue;
            }

            var sum = new float[seedVectors.Dimensions];
            foreach (var i in group)
            {
                TensorPrimitives.Add(sum, seedVectors.Row(i), sum);
            }

            var norm = TensorPrimitives.Norm(sum);
            if (norm > 0)
            {
                TensorPrimitives.Divide(sum, norm, sum);
            }

            centroids.Add((group.Key, sum));
        }

        var byLabel = centroids.Select((c, i) => (c.Label, i)).ToDictionary(x => x.Label, x => x.i, StringComparer.Ordinal);
        var result = new FilterDecision[batch.Rows.Count];
        Parallel.For(0, result.Length, new ParallelOptions { CancellationToken = ct }, n =>
        {
            var row = batch.Rows[n];
            var record = ctx.Targets.Records[row];
            var label = Label(record.SpecialtyKey, record.Specialty);
            if (label is null)
            {
                result[n] = new FilterDecision(record.Id, true, "no-specialty-label");
                return;
            }

            if (!byLabel.TryGetValue(label, out var own))
            {
                result[n] = new FilterDecision(record.Id, true, "specialty-without-seed-centroid");
                return;
            }

            var v = targetVectors.Row(row);
            var ownScore = TensorPrimitives.Dot(v, centroids[own].Vector);
            int rank = 0, best = own;
            var bestScore = ownScore;
            for (var c = 0; c < centroids.Count; c++)
            {
                var s = TensorPrimitives.Dot(v, centroids[c].Vector);
                rank += s > ownScore ? 1 : 0;
                if (s > bestScore)
                {
                    (best, bestScore) = (c, s);
                }
            }

            result[n] = rank < options.SpecialtyTopK
                ? FilterDecision.Ok(record.Id, ownScore)
                : FilterDecision.Drop(record.Id, "specialty-mismatch", ownScore, "specialty:" + centroids[best].Label);
        });
        return result;
    }

    private static string? Label(string? key, string? specialty)
    {
        var s = string.IsNullOrWhiteSpace(key) ? specialty : key;
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
