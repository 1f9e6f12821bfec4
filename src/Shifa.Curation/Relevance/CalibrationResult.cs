namespace Shifa.Curation.Relevance;

/// <summary>Outcome of <see cref="RelevanceCalibrator.RunAsync"/>.</summary>
/// <param name="SeedRecords">Seed records measured.</param>
/// <param name="SeedNearest">Each seed record's cosine to its nearest other seed record.</param>
/// <param name="TargetNearest">Each target's cosine to its nearest seed record (empty without targets).</param>
/// <param name="SuggestedLow">Suggested lower bound of the relevance band.</param>
/// <param name="SuggestedHigh">Suggested upper bound.</param>
/// <param name="LowPercentile">Percentile of <paramref name="SeedNearest"/> used for the lower bound.</param>
/// <param name="HighPercentile">Percentile used for the upper bound.</param>
/// <param name="HistogramPath">PNG of both distributions with the suggested band.</param>
/// <param name="JsonPath">JSON with the suggestion and percentiles.</param>
public sealed record CalibrationResult(
    int SeedRecords, double[] SeedNearest, double[] TargetNearest, double SuggestedLow, double SuggestedHigh,
    double LowPercentile, double HighPercentile, string HistogramPath, string JsonPath);
