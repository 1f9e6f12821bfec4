// Wilson score interval (Wilson 1927): well-behaved for small samples and rates near 0 or 1.
namespace Shifa.Web.Review;

/// <summary>A proportion with its Wilson confidence interval.</summary>
/// <param name="Successes">Number of successes.</param>
/// <param name="Total">Number of trials.</param>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public sealed record ProportionInterval(int Successes, int Total, double Low, double High)
{
    /// <summary>Point estimate (NaN when <see cref="Total"/> is 0).</summary>
    public double Rate => Total == 0 ? double.NaN : Successes / (double)Total;

    /// <summary>Wilson interval at normal quantile <paramref name="z"/> (1.96 for 95%).</summary>
    public static ProportionInterval Wilson(int successes, int total, double z = 1.96)
    {
        if (total < 0 || successes < 0 || successes > total)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"Need 0 ≤ successes ≤ total; got {successes} of {total}.");
        }

        if (total == 0)
        {
            return new ProportionInterval(0, 0, 0, 1);
        }

        var p = successes / (double)total;
        var z2 = z * z;
        var denom = 1 + z2 / total;
        var centre = (p + z2 / (2 * total)) / denom;
        var half = z * Math.Sqrt(p * (1 - p) / total + z2 / (4.0 * total * total)) / denom;
        return new ProportionInterval(successes, total, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
