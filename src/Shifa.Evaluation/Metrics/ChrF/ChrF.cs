// chrF (Popović 2015) and chrF++ (Popović 2017) following sacrebleu 2.x metrics/chrf.py.
using Shifa.Evaluation.Metrics.Text;

namespace Shifa.Evaluation.Metrics.ChrF;

/// <summary>
/// chrF and chrF++ as computed by sacrebleu: character n-grams (whitespace removed) and optional
/// word n-grams; per segment the best-F reference is kept; corpus scores sum the statistics of all
/// segments before computing F. Characters are Unicode code points, as in Python.
/// </summary>
public sealed class ChrF
{
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private readonly ChrFOptions _options;
    private readonly int _order;

    /// <summary>Creates the metric; <paramref name="options"/> defaults to chrF (sacrebleu defaults).</summary>
    public ChrF(ChrFOptions? options = null)
    {
        _options = options ?? new ChrFOptions();
        _order = _options.CharOrder + _options.WordOrder;
    }

    /// <summary>Metric name as sacrebleu prints it: <c>chrF2</c>, <c>chrF2++</c>.</summary>
    public string Name => $"chrF{_options.Beta}{new string('+', _options.WordOrder)}";

    /// <summary>Reproducibility signature of this configuration.</summary>
    public string Signature =>
        $"{Name}|nc:{_options.CharOrder}|nw:{_options.WordOrder}|case:{(_options.Lowercase ? "lc" : "mixed")}" +
        $"|eff:{(_options.EpsSmoothing ? "no" : "yes")}|space:{(_options.Whitespace ? "yes" : "no")}" +
        $"|norm:{MetricNormalizer.SignatureOf(_options.Normalizer)}|impl:shifa-sacrebleu2";

    /// <summary>Scores one hypothesis against one or more references.</summary>
    public ChrFScore Sentence(string hypothesis, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(hypothesis);
        var stats = SegmentStatistics(hypothesis, references, 0);
        return new ChrFScore(FScore(stats), stats, Signature);
    }

    /// <summary>
    /// Corpus chrF: statistics of every segment are summed, then one F is computed.
    /// <paramref name="references"/>[i] holds the references of hypothesis i.
    /// </summary>
    public ChrFScore Corpus(IReadOnlyList<string> hypotheses, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(hypotheses);
        ArgumentNullException.ThrowIfNull(references);
        if (hypotheses.Count != references.Count)
        {
            throw new ArgumentException($"chrF needs one reference list per hypothesis: got {hypotheses.Count} hypotheses and {references.Count} reference lists.", nameof(references));
        }

        var total = new long[3 * _order];
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var s = SegmentStatistics(hypotheses[i] ?? throw new ArgumentException($"Hypothesis {i} is null.", nameof(hypotheses)), references[i], i);
            for (var k = 0; k < total.Length; k++)
            {
                total[k] += s[k];
            }
        }

        return new ChrFScore(FScore(total), total, Signature);
    }

    private long[] SegmentStatistics(string hypothesis, IReadOnlyList<string> references, int index)
    {
        if (references is null || references.Count == 0)
        {
            throw new ArgumentException($"Segment {index} has no reference; chrF needs at least one.", nameof(references));
        }

        var hyp = NGrams(Preprocess(hypothesis));
        long[]? best = null;
        var bestF = -1.0;
        foreach (var reference in references)
        {
            if (reference is null)
            {
                throw new ArgumentException($"Segment {index} has a null reference.", nameof(references));
            }

            var refGrams = NGrams(Preprocess(reference));
            var stats = new long[3 * _order];
            for (var o = 0; o < _order; o++)
            {
                Match(hyp[o], refGrams[o], stats, 3 * o);
            }

            var f = FScore(stats);
            if (f > bestF)
            {
                bestF = f;
                best = stats;
            }
        }

        return best!;
    }

    private string Preprocess(string text)
    {
        text = MetricNormalizer.Run(_options.Normalizer, text);
        return _options.Lowercase ? text.ToLowerInvariant() : text;
    }

    private List<Dictionary<string, int>> NGrams(string sentence)
    {
        var all = new List<Dictionary<string, int>>(_order);
        var chars = _options.Whitespace ? sentence : PythonText.RemoveWhitespace(sentence);
        var offsets = PythonText.CodePointOffsets(chars);
        var length = offsets.Length - 1;
        for (var n = 1; n <= _options.CharOrder; n++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i + n <= length; i++)
            {
                var gram = chars[offsets[i]..offsets[i + n]];
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }

            all.Add(counts);
        }

        if (_options.WordOrder > 0)
        {
            var words = SplitPunctuation(sentence);
            for (var n = 1; n <= _options.WordOrder; n++)
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i + n <= words.Count; i++)
                {
                    var gram = string.Join(' ', words.Skip(i).Take(n));
                    counts[gram] = counts.GetValueOrDefault(gram) + 1;
                }

                all.Add(counts);
            }
        }

        return all;
    }

    // chrF++'s primitive word split: one ASCII punctuation mark is peeled off the end, or else the
    // start, of each whitespace token (so "(hi)" becomes "(hi" and ")", as upstream does).
    private static List<string> SplitPunctuation(string sentence)
    {
        var tokens = new List<string>();
        foreach (var w in PythonText.Split(sentence))
        {
            var offsets = PythonText.CodePointOffsets(w);
            if (offsets.Length - 1 == 1)
            {
                tokens.Add(w);
            }
            else if (Punctuation.Contains(w[^1], StringComparison.Ordinal))
            {
                tokens.Add(w[..^1]);
                tokens.Add(w[^1..]);
            }
            else if (Punctuation.Contains(w[0], StringComparison.Ordinal))
            {
                tokens.Add(w[..1]);
                tokens.Add(w[1..]);
            }
            else
            {
                tokens.Add(w);
            }
        }

        return tokens;
    }

    private static void Match(Dictionary<string, int> hyp, Dictionary<string, int> reference, long[] stats, int at)
    {
        long hypCount = 0, matches = 0, refCount = 0;
        foreach (var (gram, count) in hyp)
        {
            hypCount += count;
            if (reference.TryGetValue(gram, out var rc))
            {
                matches += Math.Min(count, rc);
            }
        }

        foreach (var c in reference.Values)
        {
            refCount += c;
        }

        // Hypothesis n-grams do not count when the reference has none of that order.
        stats[at] = reference.Count > 0 ? hypCount : 0;
        stats[at + 1] = refCount;
        stats[at + 2] = matches;
    }

    private double FScore(IReadOnlyList<long> stats)
    {
        const double eps = 1e-16;
        double factor = _options.Beta * _options.Beta;
        double score = 0, avgPrec = 0, avgRec = 0;
        var effective = 0;
        for (var i = 0; i < _order; i++)
        {
            double nHyp = stats[3 * i], nRef = stats[(3 * i) + 1], nMatch = stats[(3 * i) + 2];
            var prec = nHyp > 0 ? nMatch / nHyp : eps;
            var rec = nRef > 0 ? nMatch / nRef : eps;
            var denom = (factor * prec) + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
            if (nHyp > 0 && nRef > 0)
            {
                avgPrec += prec;
                avgRec += rec;
                effective++;
            }
        }

        if (_options.EpsSmoothing)
        {
            return 100 * score / _order;
        }

        if (effective == 0)
        {
            return 0.0;
        }

        avgPrec /= effective;
        avgRec /= effective;
        return avgPrec + avgRec > 0
            ? 100 * (1 + factor) * avgPrec * avgRec / ((factor * avgPrec) + avgRec)
            : 0.0;
    }
}
