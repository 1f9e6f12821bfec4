using Shifa.Modeling.Architectures.Bert;
using static TorchSharp.torch;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

// BERTScore written out with plain loops over one sentence at a time, from the description in
// Zhang et al. (2020) and bert_score 0.3.12's score(): used to check the scorer independently.
public sealed class PlainBertScore(BertModel model, IEncoderTokenizer tokenizer, int layer)
{
    public (double P, double R, double F) Score(string candidate, IReadOnlyList<string> references, IReadOnlyList<string>? idfCorpus)
    {
        var best = (P: double.NegativeInfinity, R: double.NegativeInfinity, F: double.NegativeInfinity);
        foreach (var reference in references)
        {
            var s = Pair(candidate, reference, idfCorpus);
            best = (Math.Max(best.P, s.P), Math.Max(best.R, s.R), Math.Max(best.F, s.F));
        }

        return best;
    }

    public (double P, double R, double F) Pair(string candidate, string reference, IReadOnlyList<string>? idfCorpus, bool excludeSpecialColumns = false)
    {
        var (hIds, h) = Embed(candidate);
        var (rIds, r) = Embed(reference);
        var p = Side(hIds, h, rIds, r, idfCorpus, excludeSpecialColumns);
        var rec = Side(rIds, r, hIds, h, idfCorpus, excludeSpecialColumns);
        var f = 2 * p * rec / (p + rec);
        if (hIds.Length == 2 || rIds.Length == 2)
        {
            p = 0;
            rec = 0;
        }

        return (p, rec, double.IsNaN(f) ? 0 : f);
    }

    // For each token of `a`, its best cosine with any token of `b`; weighted mean over `a`.
    private double Side(int[] aIds, double[][] a, int[] bIds, double[][] b, IReadOnlyList<string>? idfCorpus, bool excludeSpecialColumns)
    {
        double num = 0, den = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var best = double.NegativeInfinity;
            for (var j = 0; j < b.Length; j++)
            {
                if (excludeSpecialColumns && (bIds[j] == tokenizer.ClsId || bIds[j] == tokenizer.SepId))
                {
                    continue;
                }

                double dot = 0;
                for (var k = 0; k < a[i].Length; k++)
                {
                    dot += a[i][k] * b[j][k];
                }

                best = Math.Max(best, dot);
            }

            var w = Weight(aIds[i], idfCorpus);
            num += w * best;
            den += w;
        }

        return num / den;
    }

    public int ArgMaxColumn(string candidate, string reference, int row)
    {
        var (_, h) = Embed(candidate);
        var (_, r) = Embed(reference);
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var j = 0; j < r.Length; j++)
        {
            var dot = h[row].Zip(r[j], (x, y) => x * y).Sum();
            if (dot > bestValue)
            {
                bestValue = dot;
                best = j;
            }
        }

        return best;
    }

    public int[] Ids(string s) => tokenizer.EncodeSentence(s.Trim(), 512);

    private double Weight(int id, IReadOnlyList<string>? idfCorpus)
    {
        if (idfCorpus is null)
        {
            return id == tokenizer.ClsId || id == tokenizer.SepId ? 0 : 1;
        }

        var df = idfCorpus.Count(doc => Ids(doc).Contains(id));
        return Math.Log((idfCorpus.Count + 1.0) / (df + 1.0));
    }

    private (int[] Ids, double[][] Vectors) Embed(string s)
    {
        var ids = Ids(s);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var hidden = model.HiddenState(tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Length]), ones(1, ids.Length, dtype: ScalarType.Int64), layer).squeeze(0);
        var rows = new double[ids.Length][];
        for (var t = 0; t < ids.Length; t++)
        {
            var v = hidden[t].data<float>().ToArray().Select(x => (double)x).ToArray();
            var norm = Math.Sqrt(v.Sum(x => x * x));
            rows[t] = v.Select(x => x / norm).ToArray();
        }

        return (ids, rows);
    }
}
