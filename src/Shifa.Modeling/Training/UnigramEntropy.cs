// The entropy of the token frequency distribution: the floor for a model that ignores context.
namespace Shifa.Modeling.Training;

/// <summary>
/// H = −Σ p(t) ln p(t) over the answer tokens (the ones that carry loss), with p the empirical
/// frequency. A language model whose cross-entropy is not clearly below H has learnt nothing beyond
/// token frequencies.
/// </summary>
public static class UnigramEntropy
{
    /// <summary>Entropy in nats of the targets in <paramref name="rows"/> that carry loss.</summary>
    public static double Of(IEnumerable<SftRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = new Dictionary<int, long>();
        long total = 0;
        foreach (var row in rows)
        {
            foreach (var target in row.Targets)
            {
                if (target != SftDataCollator.IgnoreIndex)
                {
                    counts[target] = counts.GetValueOrDefault(target) + 1;
                    total++;
                }
            }
        }

        return total == 0 ? 0 : -counts.Values.Sum(c => (double)c / total * Math.Log((double)c / total));
    }
}
