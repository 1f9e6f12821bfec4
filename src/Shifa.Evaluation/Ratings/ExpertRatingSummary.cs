using Shifa.Evaluation.Statistics;

namespace Shifa.Evaluation.Ratings;

/// <summary>Mean expert rating per system and criterion, with agreement per criterion.</summary>
/// <param name="Means">(system, criterion) → mean of per-item mean ratings with a bootstrap CI.</param>
/// <param name="Agreement">criterion → Krippendorff's alpha (interval) over all rated items; NaN when no item has two raters.</param>
public sealed record ExpertRatingSummary(
    IReadOnlyDictionary<(string System, string Criterion), ConfidenceInterval> Means,
    IReadOnlyDictionary<string, double> Agreement)
{
    /// <summary>Aggregates ratings: annotators are averaged per item first, so items weigh equally.</summary>
    public static ExpertRatingSummary From(IReadOnlyList<ExpertRating> ratings, int seed = Bootstrap.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var means = ratings.GroupBy(r => (r.System, r.Criterion))
            .ToDictionary(
                g => g.Key,
                g => Bootstrap.MeanInterval(g.GroupBy(r => r.RecordId).Select(i => i.Average(r => r.Score)).ToArray(), seed: seed));
        var agreement = ratings.GroupBy(r => r.Criterion).ToDictionary(
            g => g.Key,
            g =>
            {
                var units = g.GroupBy(r => (r.RecordId, r.System)).Select(u => (IReadOnlyList<double>)u.Select(r => r.Score).ToList()).ToList();
                return units.Any(u => u.Count >= 2) ? KrippendorffAlpha.Compute(units) : double.NaN;
            });
        return new ExpertRatingSummary(means, agreement);
    }
}
