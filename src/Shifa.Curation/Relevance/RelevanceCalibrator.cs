// `shifa curate calibrate`: suggests the relevance band from how similar real seed records are to each other.
using System.Text.Json;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Reporting;
using Shifa.Curation.Search;

namespace Shifa.Curation.Relevance;

/// <summary>
/// Measures each seed record's cosine to its nearest other seed record (leave-one-out). A synthetic
/// record less similar to the seed than almost every real record is to the rest (below the low
/// percentile) is off-topic; one more similar than almost every real pair (above the high percentile)
/// is a copy. The band is a suggestion written to <c>curate/calibration.json</c> with a histogram PNG.
/// </summary>
public static class RelevanceCalibrator
{
    /// <summary>Runs the calibration over the workspace's seed (and, when present, target) records.</summary>
    public static async Task<CalibrationResult> RunAsync(Workspace workspace, CurationOptions options, double lowPercentile = 2, double highPercentile = 99, CancellationToken ct = default)
    {
        if (lowPercentile is < 0 or > 100 || highPercentile is < 0 or > 100 || lowPercentile >= highPercentile)
        {
            throw new ArgumentException($"Percentiles must satisfy 0 <= low < high <= 100 (got {lowPercentile}, {highPercentile}).");
        }

        using var ctx = CurationContext.Load(workspace, options);
        if (ctx.Seed.Count < 2)
        {
            throw new InvalidOperationException($"Calibration needs at least 2 real records outside the test split in {workspace.DatabasePath}; found {ctx.Seed.Count}. Run `shifa ingest` first.");
        }

        var seedVectors = await ctx.VectorsAsync(ctx.Seed, ct).ConfigureAwait(false);
        var rows = Enumerable.Range(0, ctx.Seed.Count).ToArray();
        var nn = VectorSearch.TopK(seedVectors, rows, seedVectors, rows, 1, exclude: (q, p) => q == p);
        var seedNearest = rows.Select(q => (double)nn.Best(q).Score).Where(double.IsFinite).ToArray();
        var targetNearest = Array.Empty<double>();
        if (ctx.Targets.Count > 0)
        {
            var t = await ctx.NearestSeedAsync(ct).ConfigureAwait(false);
            targetNearest = [.. Enumerable.Range(0, ctx.Targets.Count).Select(q => (double)t.Best(q).Score).Where(double.IsFinite)];
        }

        var low = Math.Round(Percentile(seedNearest, lowPercentile), 3);
        var high = Math.Round(Percentile(seedNearest, highPercentile), 3);
        var folder = workspace.ArtifactPath("curate");
        var png = Path.Combine(folder, "calibration.png");
        CurationReportWriter.Histogram(seedNearest, $"Nearest-seed cosine: seed leave-one-out (n={seedNearest.Length})", "cosine to nearest seed record", png, [low, high],
            targetNearest.Length > 0 ? targetNearest : null, $"targets (n={targetNearest.Length})");
        var json = Path.Combine(folder, "calibration.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            seedRecords = ctx.Seed.Count,
            embedder = ctx.EmbedderFingerprint,
            lowPercentile,
            highPercentile,
            suggestedRelevanceBand = new[] { low, high },
            currentRelevanceBand = options.RelevanceBand,
            seedPercentiles = new[] { 1, 2, 5, 10, 25, 50, 75, 90, 95, 99 }.ToDictionary(p => "p" + p, p => Math.Round(Percentile(seedNearest, p), 4)),
            targetPercentiles = targetNearest.Length == 0 ? null : new[] { 1, 5, 25, 50, 75, 95, 99 }.ToDictionary(p => "p" + p, p => Math.Round(Percentile(targetNearest, p), 4)),
        }, new JsonSerializerOptions { WriteIndented = true }));
        return new CalibrationResult(ctx.Seed.Count, seedNearest, targetNearest, low, high, lowPercentile, highPercentile, png, json);
    }

    /// <summary>Linear-interpolated percentile (0–100) of <paramref name="values"/>.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var pos = percentile / 100 * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
