using Shifa.Evaluation.Ratings;

namespace Shifa.Evaluation.Tests.Ratings;

public class KrippendorffAlphaTests
{
    // Reliability data of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
    // "C. Any number of observers, missing data": 4 observers, 12 units; published α nominal 0.743,
    // interval 0.849.
    private static readonly double?[][] Coders =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static List<IReadOnlyList<double>> Units() =>
        Enumerable.Range(0, 12).Select(u => (IReadOnlyList<double>)Coders.Where(c => c[u] is not null).Select(c => c[u]!.Value).ToList()).ToList();

    [Fact]
    public void Matches_krippendorffs_published_example()
    {
        Assert.Equal(0.743, KrippendorffAlpha.Compute(Units(), interval: false), 3);
        Assert.Equal(0.849, KrippendorffAlpha.Compute(Units(), interval: true), 3);
    }

    [Fact]
    public void Perfect_agreement_is_one_and_summary_averages_items()
    {
        Assert.Equal(1.0, KrippendorffAlpha.Compute([[1, 1], [3, 3, 3], [5, 5]]), 12);
        var summary = ExpertRatingSummary.From(
        [
            new("q1", "tiny", "dr-a", "safety", 4), new("q1", "tiny", "dr-b", "safety", 2),
            new("q2", "tiny", "dr-a", "safety", 5),
        ]);
        Assert.Equal(4.0, summary.Means[("tiny", "safety")].Mean, 12); // (3 + 5) / 2
        Assert.False(double.IsNaN(summary.Agreement["safety"]));
    }
}
