using Shifa.Evaluation.Statistics;

namespace Shifa.Evaluation.Tests.Statistics;

public class BootstrapTests
{
    [Fact]
    public void Constant_scores_give_a_zero_width_interval()
    {
        var ci = Bootstrap.MeanInterval([0.7, 0.7, 0.7, 0.7], resamples: 200);
        Assert.Equal(0.7, ci.Mean, 1e-12);
        Assert.Equal(0.7, ci.Lower, 1e-12);
        Assert.Equal(0.7, ci.Upper, 1e-12);
    }

    [Fact]
    public void Bernoulli_interval_is_close_to_the_normal_approximation_and_reproducible()
    {
        // 400 items, 30% ones: the standard error is sqrt(.3*.7/400) = 0.0229, so the 95% interval
        // is about ±0.045 around 0.3.
        var values = Enumerable.Range(0, 400).Select(i => i % 10 < 3 ? 1.0 : 0.0).ToArray();
        var ci = Bootstrap.MeanInterval(values, resamples: 2000, seed: 7);
        Assert.Equal(0.3, ci.Mean, 1e-12);
        Assert.InRange(ci.Lower, 0.3 - 0.055, 0.3 - 0.035);
        Assert.InRange(ci.Upper, 0.3 + 0.035, 0.3 + 0.055);
        Assert.Equal(ci, Bootstrap.MeanInterval(values, resamples: 2000, seed: 7));
    }

    [Fact]
    public void Identical_systems_are_not_significantly_different()
    {
        var a = Enumerable.Range(0, 50).Select(i => Math.Sin(i) * 0.1 + 0.5).ToArray();
        var ar = Bootstrap.ApproximateRandomization(a, a, trials: 500);
        Assert.Equal(1.0, ar.PValue, 1e-12);
        var bs = Bootstrap.PairedBootstrap(a, a, resamples: 500);
        Assert.Equal(0.0, bs.Delta);
        Assert.False(bs.IsSignificant());
    }

    [Fact]
    public void A_consistent_improvement_is_significant_under_both_tests()
    {
        var a = Enumerable.Range(0, 60).Select(i => 0.5 + (0.2 * Math.Sin(i))).ToArray();
        var b = a.Select((x, i) => x + 0.05 + (0.01 * Math.Cos(i))).ToArray();
        var ar = Bootstrap.ApproximateRandomization(a, b, trials: 2000);
        var bs = Bootstrap.PairedBootstrap(a, b, resamples: 2000);
        Assert.True(ar.PValue < 0.001, $"AR p = {ar.PValue}");
        Assert.True(bs.PValue < 0.001, $"bootstrap p = {bs.PValue}");
        Assert.Equal(b.Average() - a.Average(), ar.Delta, 1e-12);
    }

    [Fact]
    public void Approximate_randomization_converges_to_the_exact_permutation_p_value()
    {
        // Six paired differences: the exact two-sided sign-flip test enumerates all 2^6 flips.
        double[] a = [0.40, 0.55, 0.61, 0.30, 0.72, 0.50];
        double[] b = [0.52, 0.50, 0.70, 0.41, 0.80, 0.49];
        var d = a.Zip(b, (x, y) => y - x).ToArray();
        var observed = Math.Abs(d.Average());
        var extreme = 0;
        for (var mask = 0; mask < 64; mask++)
        {
            var s = 0.0;
            for (var i = 0; i < 6; i++)
            {
                s += (mask & (1 << i)) != 0 ? -d[i] : d[i];
            }

            if (Math.Abs(s / 6) >= observed - 1e-12)
            {
                extreme++;
            }
        }

        var exact = extreme / 64.0;
        var ar = Bootstrap.ApproximateRandomization(a, b, trials: 20000, seed: 3);
        Assert.Equal(exact, ar.PValue, 0.01);
    }

    [Fact]
    public void Unpaired_inputs_are_rejected_with_counts()
    {
        var ex = Assert.Throws<ArgumentException>(() => Bootstrap.PairedBootstrap([1, 2], [1]));
        Assert.Contains("baseline has 2 scores, system 1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Bootstrap.MeanInterval([]));
    }
}
