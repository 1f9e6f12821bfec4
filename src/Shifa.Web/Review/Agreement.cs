// Chance-corrected agreement: Cohen's κ for two raters, Fleiss' κ for a fixed number of raters per
// item (Fleiss 1971), both over nominal categories.
namespace Shifa.Web.Review;

/// <summary>Inter-annotator agreement statistics.</summary>
public static class Agreement
{
    /// <summary>
    /// Cohen's κ for paired labels. Returns NaN when there are no pairs; 1 when both raters used a
    /// single identical category throughout (expected agreement 1).
    /// </summary>
    public static double CohenKappa(IReadOnlyList<(string A, string B)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return double.NaN;
        }

        var n = (double)pairs.Count;
        var observed = pairs.Count(p => p.A == p.B) / n;
        var cats = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToArray();
        var expected = cats.Sum(c => pairs.Count(p => p.A == c) / n * (pairs.Count(p => p.B == c) / n));
        return expected >= 1.0 ? 1.0 : (observed - expected) / (1 - expected);
    }

    /// <summary>
    /// Fleiss' κ. Each item lists the labels its raters gave; every item must have the same number
    /// (at least two) of ratings.
    /// </summary>
    public static double FleissKappa(IReadOnlyList<IReadOnlyList<string>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return double.NaN;
        }

        var m = items[0].Count;
        if (m < 2 || items.Any(i => i.Count != m))
        {
            throw new ArgumentException($"Fleiss' kappa needs the same number (≥ 2) of ratings per item; found counts {string.Join(",", items.Select(i => i.Count).Distinct())}.", nameof(items));
        }

        var cats = items.SelectMany(i => i).Distinct().ToArray();
        var n = items.Count;
        var pBar = items.Average(i => (cats.Sum(c => { double k = i.Count(x => x == c); return k * (k - 1); })) / (m * (m - 1.0)));
        var pe = cats.Sum(c => { var p = items.Sum(i => i.Count(x => x == c)) / (double)(n * m); return p * p; });
        return pe >= 1.0 ? 1.0 : (pBar - pe) / (1 - pe);
    }
}
