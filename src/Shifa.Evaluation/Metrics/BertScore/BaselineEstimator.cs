// Estimates BERTScore rescaling baselines from random sentence pairs, as bert_score's published baselines were made.
namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>
/// Scores random, unrelated pairs drawn from a corpus (no idf) and averages P, R and F per layer.
/// Those averages are the "expected score of unrelated text" b that rescaling maps to 0.
/// bert_score ships no Arabic baseline, so Shifa computes one from Arabic text.
/// </summary>
public static class BaselineEstimator
{
    /// <summary>Computes one baseline row per layer.</summary>
    /// <param name="corpus">Sentences to pair (at least two distinct ones).</param>
    /// <param name="encoderForLayer">Encoder returning hidden states of the given layer.</param>
    /// <param name="layers">Layers to compute.</param>
    /// <param name="pairs">Random pairs per layer.</param>
    /// <param name="seed">Seed for the pairing (same pairs for every layer).</param>
    public static IReadOnlyList<(int Layer, double P, double R, double F)> Estimate(
        IReadOnlyList<string> corpus, Func<int, IBertScoreEncoder> encoderForLayer, IEnumerable<int> layers, int pairs = 1000, int seed = 12345)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var distinct = corpus.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count < 2)
        {
            throw new ArgumentException("A baseline needs at least two distinct non-empty sentences.", nameof(corpus));
        }

        if (pairs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pairs), pairs, "Use at least one pair (bert_score used a million).");
        }

        var rng = new Random(seed);
        var candidates = new List<string>(pairs);
        var references = new List<IReadOnlyList<string>>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var a = rng.Next(distinct.Count);
            var b = rng.Next(distinct.Count - 1);
            if (b >= a)
            {
                b++;
            }

            candidates.Add(distinct[a]);
            references.Add([distinct[b]]);
        }

        var rows = new List<(int, double, double, double)>();
        foreach (var layer in layers)
        {
            var result = new BertScorer(encoderForLayer(layer)).Score(candidates, references);
            rows.Add((layer, result.Items.Average(s => s.P), result.Items.Average(s => s.R), result.Items.Average(s => s.F)));
        }

        return rows;
    }
}
