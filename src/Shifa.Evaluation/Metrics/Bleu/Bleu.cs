// BLEU (Papineni et al. 2002) following sacrebleu 2.x metrics/bleu.py, including its smoothing.
using Shifa.Evaluation.Metrics.Text;

namespace Shifa.Evaluation.Metrics.Bleu;

/// <summary>
/// sacrebleu-compatible BLEU. Corpus BLEU sums n-gram statistics over segments; with several
/// references, n-gram counts are clipped by the maximum count in any reference and the closest
/// reference length (ties to the shorter) sets the brevity penalty.
/// </summary>
public sealed class Bleu
{
    private readonly BleuOptions _options;

    /// <summary>Creates the metric; <paramref name="options"/> defaults to sacrebleu's corpus BLEU.</summary>
    public Bleu(BleuOptions? options = null) => _options = options ?? new BleuOptions();

    /// <summary>Reproducibility signature of this configuration.</summary>
    public string Signature
    {
        get
        {
            var smooth = _options.Smoothing switch
            {
                BleuSmoothing.None => "none",
                BleuSmoothing.Exp => "exp",
                BleuSmoothing.Floor => $"floor[{SmoothValue:0.00}]",
                BleuSmoothing.AddK => $"add-k[{SmoothValue:0.00}]",
                _ => "?",
            };
            return $"BLEU|case:{(_options.Lowercase ? "lc" : "mixed")}|eff:{(_options.EffectiveOrder ? "yes" : "no")}" +
                $"|tok:{BleuTokenizer.NameOf(_options.Tokenization)}|smooth:{smooth}|order:{_options.MaxOrder}" +
                $"|norm:{MetricNormalizer.SignatureOf(_options.Normalizer)}|impl:shifa-sacrebleu2";
        }
    }

    private double SmoothValue => _options.SmoothValue ?? (_options.Smoothing == BleuSmoothing.AddK ? 1.0 : 0.1);

    /// <summary>Scores one hypothesis against its references.</summary>
    public BleuScore Sentence(string hypothesis, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        return Compute(SegmentStatistics(hypothesis, references, 0));
    }

    /// <summary>Corpus BLEU; <paramref name="references"/>[i] holds the references of hypothesis i.</summary>
    public BleuScore Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException($"BLEU needs one reference list per hypothesis: got {hypotheses.Count} hypotheses and {references.Count} reference lists.", nameof(references));
        }

        var total = new long[2 + (2 * _options.MaxOrder)];
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var s = SegmentStatistics(hypotheses[i] ?? throw new ArgumentException($"Hypothesis {i} is null.", nameof(hypotheses)), references[i], i);
            for (var k = 0; k < total.Length; k++)
            {
                total[k] += s[k];
            }
        }

        return Compute(total);
    }

    /// <summary>
    /// BLEU from sufficient statistics, exactly as sacrebleu's <c>compute_bleu</c>.
    /// </summary>
    public BleuScore Compute(IReadOnlyList<long> correct, IReadOnlyList<long> total, long hypothesisLength, long referenceLength)
    {
        var n = _options.MaxOrder;
        if (correct.Count != n || total.Count != n)
        {
            throw new ArgumentException($"Expected {n} counts and totals, got {correct.Count} and {total.Count}.");
        }

        var c = correct.Select(x => (double)x).ToArray();
        var t = total.Select(x => (double)x).ToArray();
        var bp = 1.0;
        if (hypothesisLength < referenceLength)
        {
            bp = hypothesisLength > 0 ? Math.Exp(1 - ((double)referenceLength / hypothesisLength)) : 0.0;
        }

        var precisions = new double[n];
        if (c.All(x => x == 0))
        {
            return new BleuScore(0.0, c, t, precisions, bp, hypothesisLength, referenceLength, Signature);
        }

        var smoothMteval = 1.0;
        var effOrder = n;
        for (var k = 1; k <= n; k++)
        {
            if (_options.Smoothing == BleuSmoothing.AddK && k > 1)
            {
                c[k - 1] += SmoothValue;
                t[k - 1] += SmoothValue;
            }

            if (t[k - 1] == 0)
            {
                break;
            }

            if (_options.EffectiveOrder)
            {
                effOrder = k;
            }

            if (c[k - 1] == 0)
            {
                if (_options.Smoothing == BleuSmoothing.Exp)
                {
                    smoothMteval *= 2;
                    precisions[k - 1] = 100.0 / (smoothMteval * t[k - 1]);
                }
                else if (_options.Smoothing == BleuSmoothing.Floor)
                {
                    precisions[k - 1] = 100.0 * SmoothValue / t[k - 1];
                }
            }
            else
            {
                precisions[k - 1] = 100.0 * c[k - 1] / t[k - 1];
            }
        }

        var logSum = 0.0;
        for (var k = 0; k < effOrder; k++)
        {
            // sacrebleu floors log(0) at -9999999999 instead of failing.
            logSum += precisions[k] == 0 ? -9999999999 : Math.Log(precisions[k]);
        }

        var score = bp * Math.Exp(logSum / effOrder);
        return new BleuScore(score, c, t, precisions, bp, hypothesisLength, referenceLength, Signature);
    }

    private BleuScore Compute(long[] stats)
    {
        var n = _options.MaxOrder;
        return Compute(stats[2..(2 + n)], stats[(2 + n)..], stats[0], stats[1]);
    }

    private string Preprocess(string text)
    {
        text = MetricNormalizer.Run(_options.Normalizer, text);
        if (_options.Lowercase)
        {
            text = text.ToLowerInvariant();
        }

        return BleuTokenizer.Tokenize(PythonText.RStrip(text), _options.Tokenization);
    }

    private (Dictionary<string, int>[] Grams, int Length) NGrams(string tokenized)
    {
        var tokens = PythonText.Split(tokenized).ToArray();
        var grams = new Dictionary<string, int>[_options.MaxOrder];
        for (var n = 1; n <= _options.MaxOrder; n++)
        {
            var d = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i + n <= tokens.Length; i++)
            {
                var key = string.Join(' ', tokens, i, n);
                d[key] = d.GetValueOrDefault(key) + 1;
            }

            grams[n - 1] = d;
        }

        return (grams, tokens.Length);
    }

    private long[] SegmentStatistics(string hypothesis, IReadOnlyList<string> references, int index)
    {
        if (references is null || references.Count == 0)
        {
            throw new ArgumentException($"Segment {index} has no reference; BLEU needs at least one.", nameof(references));
        }

        var n = _options.MaxOrder;
        var merged = new Dictionary<string, int>[n];
        for (var k = 0; k < n; k++)
        {
            merged[k] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        var refLengths = new List<int>();
        foreach (var reference in references)
        {
            var (grams, len) = NGrams(Preprocess(reference ?? throw new ArgumentException($"Segment {index} has a null reference.", nameof(references))));
            refLengths.Add(len);
            for (var k = 0; k < n; k++)
            {
                foreach (var (g, count) in grams[k])
                {
                    merged[k][g] = Math.Max(merged[k].GetValueOrDefault(g), count);
                }
            }
        }

        var (hyp, hypLen) = NGrams(Preprocess(hypothesis));
        var stats = new long[2 + (2 * n)];
        stats[0] = hypLen;
        stats[1] = ClosestReferenceLength(hypLen, refLengths);
        for (var k = 0; k < n; k++)
        {
            foreach (var (g, count) in hyp[k])
            {
                stats[2 + n + k] += count;
                if (merged[k].TryGetValue(g, out var rc))
                {
                    stats[2 + k] += Math.Min(count, rc);
                }
            }
        }

        return stats;
    }

    private static int ClosestReferenceLength(int hypLength, List<int> refLengths)
    {
        int closestDiff = -1, closest = -1;
        foreach (var len in refLengths)
        {
            var diff = Math.Abs(hypLength - len);
            if (closestDiff == -1 || diff < closestDiff)
            {
                closestDiff = diff;
                closest = len;
            }
            else if (diff == closestDiff && len < closest)
            {
                closest = len;
            }
        }

        return closest;
    }
}
