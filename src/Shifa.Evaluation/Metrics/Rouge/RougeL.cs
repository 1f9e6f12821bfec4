// ROUGE-L (Lin 2004) sentence-level LCS F-measure as rouge-score's rouge_scorer.py computes it.
namespace Shifa.Evaluation.Metrics.Rouge;

/// <summary>
/// ROUGE-L: longest common subsequence of tokens; precision = LCS / prediction tokens,
/// recall = LCS / target tokens, F = 2PR/(P+R); 0 when either side has no tokens. With several
/// references the one with the highest F wins (rouge-score's <c>score_multi</c>).
/// </summary>
public sealed class RougeL
{
    private readonly RougeLOptions _options;

    /// <summary>Creates the metric with a tokenizer that keeps Arabic unless told otherwise.</summary>
    public RougeL(RougeLOptions? options = null) => _options = options ?? new RougeLOptions();

    /// <summary>Reproducibility signature.</summary>
    public string Signature =>
        $"rougeL|tok:{(_options.Tokenization == RougeTokenization.Unicode ? "unicode" : "latin")}" +
        $"|norm:{MetricNormalizer.SignatureOf(_options.Normalizer)}|impl:shifa-rouge-score";

    /// <summary>Scores a prediction against one or more targets.</summary>
    public RougeScore Sentence(string prediction, IReadOnlyList<string> targets)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (targets is null || targets.Count == 0)
        {
            throw new ArgumentException("ROUGE-L needs at least one target.", nameof(targets));
        }

        var pred = Tokens(prediction);
        RougeScore? best = null;
        foreach (var target in targets)
        {
            var s = Score(Tokens(target ?? throw new ArgumentException("A target is null.", nameof(targets))), pred);
            if (best is null || s.FMeasure > best.FMeasure)
            {
                best = s;
            }
        }

        return best!;
    }

    /// <summary>Length of the longest common subsequence of two token lists.</summary>
    public static int LcsLength(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Two rolling rows: answers can be long and only the length is needed.
        var prev = new int[b.Count + 1];
        var cur = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                cur[j] = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal)
                    ? prev[j - 1] + 1
                    : Math.Max(prev[j], cur[j - 1]);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Count];
    }

    private IReadOnlyList<string> Tokens(string text) =>
        RougeTokenizer.Tokenize(MetricNormalizer.Run(_options.Normalizer, text), _options.Tokenization);

    private RougeScore Score(IReadOnlyList<string> target, IReadOnlyList<string> prediction)
    {
        if (target.Count == 0 || prediction.Count == 0)
        {
            return new RougeScore(0, 0, 0, Signature);
        }

        var lcs = LcsLength(target, prediction);
        var p = (double)lcs / prediction.Count;
        var r = (double)lcs / target.Count;
        var f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        return new RougeScore(p, r, f, Signature);
    }
}
