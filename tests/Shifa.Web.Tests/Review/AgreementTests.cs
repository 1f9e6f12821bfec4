using Shifa.Web.Review;

namespace Shifa.Web.Tests.Review;

public sealed class AgreementTests
{
    [Fact]
    public void Cohen_kappa_matches_the_textbook_example()
    {
        // 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 → po 0.7, pe 0.5, κ 0.4.
        var pairs = Enumerable.Repeat(("yes", "yes"), 20).Concat(Enumerable.Repeat(("yes", "no"), 5))
            .Concat(Enumerable.Repeat(("no", "yes"), 10)).Concat(Enumerable.Repeat(("no", "no"), 15)).ToList();
        Assert.Equal(0.4, Agreement.CohenKappa(pairs), 10);
        Assert.True(double.IsNaN(Agreement.CohenKappa([])));
    }

    [Fact]
    public void Fleiss_kappa_matches_fleiss_1971_worked_example()
    {
        // The 10-item, 14-rater, 5-category table from Fleiss (1971) as reproduced on Wikipedia: κ ≈ 0.210.
        int[][] counts =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];
        var items = counts.Select(row => (IReadOnlyList<string>)row.SelectMany((n, c) => Enumerable.Repeat("c" + c, n)).ToList()).ToList();
        Assert.Equal(0.210, Agreement.FleissKappa(items), 3);
        Assert.Throws<ArgumentException>(() => Agreement.FleissKappa([["a", "b"], ["a", "b", "c"]]));
    }

    [Fact]
    public void Wilson_interval_matches_reference_values()
    {
        var i = ProportionInterval.Wilson(8, 10);
        Assert.Equal(0.4902, i.Low, 3);
        Assert.Equal(0.9433, i.High, 3);
        var zero = ProportionInterval.Wilson(0, 20);
        Assert.Equal(0, zero.Low, 10);
        Assert.Equal(0.1611, zero.High, 3);
    }

    [Theory]
    [InlineData(100000, 0.05, 0.95, 383)]
    [InlineData(1000, 0.05, 0.95, 278)]
    [InlineData(12, 0.25, 0.95, 7)]
    [InlineData(0, 0.05, 0.95, 0)]
    public void Sample_size_follows_cochran_with_finite_population_correction(int population, double margin, double confidence, int expected) =>
        Assert.Equal(expected, SampleSize.ForProportion(population, margin, confidence));
}
