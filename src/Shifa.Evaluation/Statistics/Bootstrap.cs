// Seeded bootstrap intervals and paired significance tests over per-item scores (as sacrebleu's
// significance.py does for corpus metrics; here the corpus score is the item mean).
namespace Shifa.Evaluation.Statistics;

/// <summary>Bootstrap confidence intervals and paired tests on per-item scores.</summary>
public static class Bootstrap
{
    /// <summary>Default seed; results are reproducible unless a caller asks otherwise.</summary>
    public const int DefaultSeed = 12345;

    /// <summary>
    /// Mean of <paramref name="values"/> with a percentile bootstrap interval: the means of
    /// <paramref name="resamples"/> resamples (with replacement) are sorted and the
    /// (1 − level)/2 tails cut off.
    /// </summary>
    public static ConfidenceInterval MeanInterval(IReadOnlyList<double> values, int resamples = 1000, int seed = DefaultSeed, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Cannot compute a confidence interval of no scores; check that the run produced item scores for this system and metric.", nameof(values));
        }

        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "Need at least one bootstrap resample (1000 is usual).");
        }

        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Confidence level must be between 0 and 1, e.g. 0.95.");
        }

        var rng = new Random(seed);
        var n = values.Count;
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += values[rng.Next(n)];
            }

            means[b] = sum / n;
        }

        Array.Sort(means);
        var tail = (int)Math.Floor(resamples * (1 - level) / 2);
        return new ConfidenceInterval(values.Average(), means[tail], means[resamples - 1 - tail], level, resamples, seed, n);
    }

    /// <summary>
    /// Paired bootstrap test (Koehn 2004, as in sacrebleu): resample items jointly, take the
    /// absolute difference of means per resample, centre those differences on their mean (the null
    /// hypothesis) and count how often they reach the observed absolute difference.
    /// </summary>
    public static PairedTestResult PairedBootstrap(IReadOnlyList<double> baseline, IReadOnlyList<double> system, int resamples = 1000, int seed = DefaultSeed)
    {
        CheckPaired(baseline, system);
        var n = baseline.Count;
        var observed = Math.Abs(system.Average() - baseline.Average());
        var rng = new Random(seed);
        var diffs = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            double sa = 0, sb = 0;
            for (var i = 0; i < n; i++)
            {
                var k = rng.Next(n);
                sa += baseline[k];
                sb += system[k];
            }

            diffs[b] = Math.Abs((sb - sa) / n);
        }

        var centre = diffs.Average();
        // Ties count as at least as extreme, so a system compared with itself gets p = 1.
        var count = diffs.Count(d => d - centre >= observed - (1e-12 * Math.Max(1, observed)));
        return Result("paired-bootstrap", baseline, system, count, resamples, seed);
    }

    /// <summary>
    /// Approximate randomization (Noreen 1989; Riezler &amp; Maxwell 2005): swap each item's pair of
    /// scores with probability ½ and count shuffles whose absolute mean difference is at least the
    /// observed one. Two identical systems give p = 1.
    /// </summary>
    public static PairedTestResult ApproximateRandomization(IReadOnlyList<double> baseline, IReadOnlyList<double> system, int trials = 10000, int seed = DefaultSeed)
    {
        CheckPaired(baseline, system);
        var n = baseline.Count;
        var observed = Math.Abs(system.Average() - baseline.Average());
        var rng = new Random(seed);
        var count = 0;
        for (var t = 0; t < trials; t++)
        {
            double diff = 0;
            for (var i = 0; i < n; i++)
            {
                var d = system[i] - baseline[i];
                diff += rng.Next(2) == 0 ? d : -d;
            }

            // A relative epsilon keeps ties (equal up to rounding) counted as ties.
            if (Math.Abs(diff / n) >= observed - (1e-12 * Math.Max(1, observed)))
            {
                count++;
            }
        }

        return Result("approximate-randomization", baseline, system, count, trials, seed);
    }

    private static PairedTestResult Result(string method, IReadOnlyList<double> a, IReadOnlyList<double> b, int count, int samples, int seed)
    {
        var ma = a.Average();
        var mb = b.Average();
        return new PairedTestResult(method, ma, mb, mb - ma, (count + 1.0) / (samples + 1.0), samples, seed);
    }

    private static void CheckPaired(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"A paired test needs the same items for both systems: baseline has {a.Count} scores, system {b.Count}. Align them by record id first.");
        }

        if (a.Count == 0)
        {
            throw new ArgumentException("A paired test needs at least one item.");
        }
    }
}
