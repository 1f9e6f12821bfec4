// Stage "near-dup": MinHash LSH over character shingles of ForMatching text, verified by Jaccard.
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Dedup;

/// <summary>
/// Drops a record whose shingle Jaccard to a seed record, or to an earlier kept target, reaches
/// <see cref="CurationOptions.NearDuplicateJaccard"/>. Defaults for short QA pairs (tens of words, not
/// web pages): 5-character shingles over normalized text (Arabic words average 4–5 letters, so a
/// shingle spans a word boundary and word order matters), 128 permutations, 32 bands × 4 rows (see
/// <see cref="LshIndex"/> for the candidate curve). Candidates are verified with the signature
/// estimate, recomputed exactly within 0.1 of the threshold.
/// </summary>
public sealed class NearDuplicateFilter(CurationOptions options) : IRecordFilter
{
    /// <inheritdoc />
    public StageIdentity Identity { get; } = StageIdentity.Of("near-dup", FilterScope.WholeSet, "v1",
        new { options.NearDuplicateJaccard, options.ShingleSize, options.MinHashPermutations, options.LshBands }, usesReferences: true);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default)
    {
        var ctx = batch.Context;
        var t = options.NearDuplicateJaccard;
        var rows = batch.Rows;
        var hasher = ctx.MinHasher;
        var perBand = hasher.Permutations / options.LshBands;

        // Against the seed: independent per record, so in parallel.
        var seedMatch = new (int Row, double J)[rows.Count];
        var seedLsh = ctx.Seed.Count > 0 ? ctx.SeedLsh : null;
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, n =>
        {
            seedMatch[n] = (-1, 0);
            if (seedLsh is null)
            {
                return;
            }

            var id = ctx.Targets.Records[rows[n]].Id;
            foreach (var s in seedLsh.Query(ctx.Targets.Signature(hasher, rows[n])))
            {
                if (ctx.Seed.Records[s].Id == id)
                {
                    continue;
                }

                var j = ctx.Jaccard(ctx.Targets, rows[n], ctx.Seed, s, t);
                if (j >= t && j > seedMatch[n].J)
                {
                    seedMatch[n] = (s, j);
                }
            }
        });

        // Within the set: candidate pairs from an LSH over the batch, verified, then greedy in canonical order.
        var all = ctx.Targets.Signatures(hasher);
        var sub = new uint[rows.Count * hasher.Permutations];
        for (var n = 0; n < rows.Count; n++)
        {
            all.AsSpan(rows[n] * hasher.Permutations, hasher.Permutations).CopyTo(sub.AsSpan(n * hasher.Permutations));
        }

        var earlier = new List<(int Other, double J)>?[rows.Count];
        var lsh = new LshIndex(sub, hasher.Permutations, options.LshBands, perBand);
        foreach (var (a, b, j) in lsh.VerifiedPairs((a, b) => ctx.Jaccard(ctx.Targets, rows[a], ctx.Targets, rows[b], t), t))
        {
            (earlier[b] ??= []).Add((a, j));
        }

        var result = new FilterDecision[rows.Count];
        var kept = new bool[rows.Count];
        for (var n = 0; n < rows.Count; n++)
        {
            var id = ctx.Targets.Records[rows[n]].Id;
            if (seedMatch[n].Row >= 0)
            {
                result[n] = FilterDecision.Drop(id, "near-duplicate-of-seed", seedMatch[n].J, ctx.Seed.Records[seedMatch[n].Row].Id);
                continue;
            }

            var match = earlier[n]?.Where(e => kept[e.Other]).OrderByDescending(e => e.J).ThenBy(e => e.Other).FirstOrDefault();
            if (match is { } m && m.J > 0)
            {
                result[n] = FilterDecision.Drop(id, "near-duplicate", m.J, ctx.Targets.Records[rows[m.Other]].Id);
            }
            else
            {
                kept[n] = true;
                result[n] = FilterDecision.Ok(id);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<FilterDecision>>(result);
    }
}
