// `curate calibrate`: a band from the seed's own nearest-neighbour cosines, with a histogram.
using Shifa.Curation.Pipeline;
using Shifa.Curation.Relevance;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Curation.Tests.Relevance;

public sealed class CalibrationTests
{
    [Fact]
    public async Task Suggests_a_band_from_seed_percentiles_and_draws_both_distributions()
    {
        using var ws = new TestWorkspace();
        MixedWorkspace.Fill(ws.Workspace);
        var r = await RelevanceCalibrator.RunAsync(ws.Workspace, new CurationOptions());
        Assert.Equal(40, r.SeedRecords);
        Assert.Equal(40, r.SeedNearest.Length);
        Assert.Equal(Math.Round(RelevanceCalibrator.Percentile(r.SeedNearest, 2), 3), r.SuggestedLow);
        Assert.Equal(Math.Round(RelevanceCalibrator.Percentile(r.SeedNearest, 99), 3), r.SuggestedHigh);
        Assert.True(r.SuggestedLow < r.SuggestedHigh);
        Assert.True(r.SeedNearest.Max() < 0.99, "a seed record matched itself");
        Assert.NotEmpty(r.TargetNearest);
        Assert.True(new FileInfo(r.HistogramPath).Length > 1000);
        Assert.Contains("suggestedRelevanceBand", File.ReadAllText(r.JsonPath));
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 50, 3)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0, 1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 100, 5)]
    [InlineData(new double[] { 0, 10 }, 25, 2.5)]
    public void Percentile_interpolates_linearly(double[] values, double p, double expected) =>
        Assert.Equal(expected, RelevanceCalibrator.Percentile(values, p), 9);
}
