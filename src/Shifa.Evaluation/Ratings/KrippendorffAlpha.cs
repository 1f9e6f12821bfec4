// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") via the coincidence matrix.
namespace Shifa.Evaluation.Ratings;

/// <summary>Inter-annotator agreement for any number of annotators and missing ratings.</summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// α = 1 − D_o / D_e over units; each unit lists the values its annotators gave (missing ones
    /// left out). Units with fewer than two values are not pairable and are ignored.
    /// </summary>
    /// <param name="units">Values per unit.</param>
    /// <param name="interval">Interval metric (squared difference) when true; nominal (equal or not) otherwise.</param>
    public static double Compute(IEnumerable<IReadOnlyList<double>> units, bool interval = true)
    {
        ArgumentNullException.ThrowIfNull(units);
        var coincidence = new Dictionary<(double, double), double>();
        foreach (var unit in units)
        {
            var m = unit.Count;
            if (m < 2)
            {
                continue;
            }

            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    if (i != j)
                    {
                        var key = (unit[i], unit[j]);
                        coincidence[key] = coincidence.GetValueOrDefault(key) + (1.0 / (m - 1));
                    }
                }
            }
        }

        var marginals = new Dictionary<double, double>();
        foreach (var ((c, _), o) in coincidence)
        {
            marginals[c] = marginals.GetValueOrDefault(c) + o;
        }

        var n = marginals.Values.Sum();
        if (n <= 1)
        {
            throw new InvalidOperationException("Agreement needs at least one unit rated by two or more annotators.");
        }

        double Delta(double a, double b) => interval ? (a - b) * (a - b) : (a == b ? 0 : 1);
        var observed = coincidence.Sum(kv => kv.Value * Delta(kv.Key.Item1, kv.Key.Item2)) / n;
        var expected = 0.0;
        foreach (var (c, nc) in marginals)
        {
            foreach (var (k, nk) in marginals)
            {
                expected += nc * nk * Delta(c, k);
            }
        }

        expected /= n * (n - 1);
        return expected == 0 ? 1.0 : 1 - (observed / expected);
    }
}
