// Summary statistics plus a fixed-edge histogram of one numeric measure.
namespace Shifa.Core.Profiling;

/// <summary>
/// Summary of a numeric measure over records. Percentiles use the nearest-rank method (the
/// value at rank ⌈p·n⌉ of the sorted values), so every reported percentile is an observed value.
/// Histogram edges are fixed per measure (not data-dependent) so profiles of different datasets
/// can be compared bin by bin. All figures are 0 for an empty dataset.
/// </summary>
/// <param name="Count">Number of values.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="P50">Median (nearest rank).</param>
/// <param name="P90">90th percentile (nearest rank).</param>
/// <param name="Max">Largest value.</param>
/// <param name="Mean">Arithmetic mean, rounded to 3 decimals.</param>
/// <param name="Histogram">Counts per bin, in edge order.</param>
public sealed record Distribution(int Count, double Min, double P50, double P90, double Max, double Mean, IReadOnlyList<HistogramBin> Histogram)
{
    /// <summary>Edges for lengths in characters.</summary>
    public static readonly double[] CharEdges = [0, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400];

    /// <summary>Edges for lengths in words.</summary>
    public static readonly double[] WordEdges = [0, 5, 10, 20, 40, 80, 160, 320, 640, 1280];

    /// <summary>Edges for ratios in 0..1.</summary>
    public static readonly double[] RatioEdges = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>
    /// Computes the distribution of <paramref name="values"/>. Each edge opens a bin up to the next
    /// edge; the last bin is open-ended. Values below the first edge are counted in the first bin.
    /// </summary>
    public static Distribution Of(IReadOnlyCollection<double> values, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
        {
            throw new ArgumentException("A histogram needs at least two edges.", nameof(edges));
        }

        var counts = new int[edges.Count];
        foreach (var v in values)
        {
            var bin = edges.Count - 1;
            for (var b = 1; b < edges.Count; b++)
            {
                if (v < edges[b])
                {
                    bin = b - 1;
                    break;
                }
            }

            counts[bin]++;
        }

        var bins = new List<HistogramBin>(edges.Count);
        for (var b = 0; b < edges.Count; b++)
        {
            bins.Add(new HistogramBin(edges[b], b + 1 < edges.Count ? edges[b + 1] : null, counts[b]));
        }

        if (values.Count == 0)
        {
            return new Distribution(0, 0, 0, 0, 0, 0, bins);
        }

        var sorted = values.Order().ToArray();
        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Distribution(sorted.Length, sorted[0], Rank(0.5), Rank(0.9), sorted[^1], Math.Round(sorted.Average(), 3), bins);
    }
}
