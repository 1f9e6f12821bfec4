namespace Shifa.Evaluation.Statistics;

/// <summary>A mean with a bootstrap percentile interval.</summary>
/// <param name="Mean">Mean of the observed values.</param>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Coverage, e.g. 0.95.</param>
/// <param name="Resamples">Bootstrap resamples drawn.</param>
/// <param name="Seed">RNG seed, so the interval can be reproduced.</param>
/// <param name="Count">Number of items.</param>
public sealed record ConfidenceInterval(double Mean, double Lower, double Upper, double Level, int Resamples, int Seed, int Count);
