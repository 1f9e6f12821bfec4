// Sample size for estimating a proportion to a margin of error, with finite-population correction
// (Cochran 1977, eq. 4.2): n0 = z²·p(1−p)/e², n = n0 / (1 + (n0 − 1)/N), p = 0.5 as the worst case.
namespace Shifa.Web.Review;

/// <summary>Review-round sample sizes.</summary>
public static class SampleSize
{
    /// <summary>Normal quantile for a two-sided confidence level (0.80, 0.90, 0.95, 0.98, 0.99).</summary>
    public static double Z(double confidence) => confidence switch
    {
        0.80 => 1.2816,
        0.90 => 1.6449,
        0.95 => 1.9600,
        0.98 => 2.3263,
        0.99 => 2.5758,
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be one of 0.80, 0.90, 0.95, 0.98, 0.99."),
    };

    /// <summary>Records to review so the acceptance rate is known to ±<paramref name="margin"/> at <paramref name="confidence"/>.</summary>
    public static int ForProportion(int population, double margin, double confidence)
    {
        if (population < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(population), population, "Population cannot be negative.");
        }

        if (margin is <= 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "Margin of error must be between 0 and 0.5 (e.g. 0.05 for ±5%).");
        }

        if (population == 0)
        {
            return 0;
        }

        var z = Z(confidence);
        var n0 = z * z * 0.25 / (margin * margin);
        var n = n0 / (1 + (n0 - 1) / population);
        return (int)Math.Min(population, Math.Ceiling(n));
    }
}
