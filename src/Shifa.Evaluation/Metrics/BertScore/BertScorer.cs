// BERTScore (Zhang et al. 2020) reproducing bert_score 0.3.12 (score.py, utils.py) given a model's hidden states.
using System.Numerics.Tensors;
using Shifa.Evaluation.Metrics.Text;

namespace Shifa.Evaluation.Metrics.BertScore;

/// <summary>
/// Greedy cosine matching of token embeddings. Inputs are stripped; each is encoded with
/// <c>[CLS]</c>/<c>[SEP]</c>, whose vectors take part in the similarity matrix on both sides but
/// carry weight 0. P is the weighted mean over candidate tokens of their best cosine with any
/// reference token, R the same over reference tokens, F = 2PR/(P+R). A pair with an empty side
/// gets P = R = 0; a NaN F becomes 0; with several references the maximum of each of P, R and F
/// is kept (separately, as bert_score does).
/// One deliberate difference: bert_score pads each batch of 64 pairs and zeroes padded similarities
/// before taking maxima, so a token whose true similarities are all negative scores 0 when a longer
/// sentence shares its batch. Shifa takes maxima over real tokens only, which makes results
/// independent of batching; with BERT's mostly positive cosines the two agree.
/// </summary>
public sealed class BertScorer
{
    /// <summary>The bert_score release whose arithmetic this reproduces.</summary>
    public const string ReferenceVersion = "0.3.12";

    private readonly IBertScoreEncoder _encoder;
    private readonly BertScoreOptions _options;

    /// <summary>Creates a scorer; rescaling without a baseline fails here rather than later.</summary>
    public BertScorer(IBertScoreEncoder encoder, BertScoreOptions? options = null)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        _options = options ?? new BertScoreOptions();
        if (_options.Rescale && _options.Baseline is null)
        {
            throw new InvalidOperationException(
                $"BERTScore rescaling was requested but no baseline is loaded for {_encoder.ModelName} layer {_encoder.Layer}. " +
                "Compute one with 'shifa evaluate baseline' and pass it, or turn rescaling off.");
        }
    }

    /// <summary>Signature of this configuration, e.g. <c>bert-base-multilingual-cased_L9_no-idf_version=0.3.12(shifa)</c>.</summary>
    public string Signature =>
        $"{_encoder.ModelName}_L{_encoder.Layer}_{(_options.Idf ? "idf" : "no-idf")}_version={ReferenceVersion}(shifa)" +
        (_options.Rescale ? $"-rescaled({_options.Baseline!.Source})" : string.Empty);

    /// <summary>Scores each candidate against its references (<paramref name="references"/>[i] for candidate i).</summary>
    public BertScoreResult Score(IReadOnlyList<string> candidates, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        if (candidates.Count != references.Count)
        {
            throw new ArgumentException($"BERTScore needs one reference list per candidate: got {candidates.Count} candidates and {references.Count} reference lists.", nameof(references));
        }

        var pairs = new List<(int Candidate, string Hyp, string Ref)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var refs = references[i];
            if (refs is null || refs.Count == 0)
            {
                throw new ArgumentException($"Candidate {i} has no reference.", nameof(references));
            }

            foreach (var r in refs)
            {
                pairs.Add((i, candidates[i] ?? throw new ArgumentException($"Candidate {i} is null.", nameof(candidates)), r ?? throw new ArgumentException($"Candidate {i} has a null reference.", nameof(references))));
            }
        }

        var encoded = Encode(pairs.SelectMany(p => new[] { p.Hyp, p.Ref }));
        var weightOf = _options.Idf ? IdfWeights(pairs.Select(p => encoded[p.Ref].Ids)) : PlainWeights();

        var best = new BertScoreTriple?[candidates.Count];
        var empty = 0;
        foreach (var (c, hyp, reference) in pairs)
        {
            var h = encoded[hyp];
            var r = encoded[reference];
            var s = Greedy(h, r, weightOf, _encoder.Dimension);
            if (h.Ids.Length == 2 || r.Ids.Length == 2)
            {
                empty++;
            }

            best[c] = best[c] is { } b ? new BertScoreTriple(Math.Max(b.P, s.P), Math.Max(b.R, s.R), Math.Max(b.F, s.F)) : s;
        }

        var items = best.Select(b => Rescaled(b!.Value)).ToList();
        return new BertScoreResult(items, Signature, empty);
    }

    /// <summary>
    /// The matching for one pair given L2-normalised token vectors, ids and a weight function;
    /// exposed for baselines and tests.
    /// </summary>
    internal static BertScoreTriple Greedy(EncodedSentence h, EncodedSentence r, Func<int, double> weightOf, int dim)
    {
        int nh = h.Ids.Length, nr = r.Ids.Length;
        var rowMax = new double[nh];
        var colMax = new double[nr];
        Array.Fill(rowMax, double.NegativeInfinity);
        Array.Fill(colMax, double.NegativeInfinity);
        for (var i = 0; i < nh; i++)
        {
            var hi = h.Vectors.AsSpan(i * dim, dim);
            for (var j = 0; j < nr; j++)
            {
                double sim = TensorPrimitives.Dot(hi, r.Vectors.AsSpan(j * dim, dim));
                if (sim > rowMax[i])
                {
                    rowMax[i] = sim;
                }

                if (sim > colMax[j])
                {
                    colMax[j] = sim;
                }
            }
        }

        var p = WeightedMean(rowMax, h.Ids, weightOf);
        var rec = WeightedMean(colMax, r.Ids, weightOf);
        var f = 2 * p * rec / (p + rec);
        if (nh == 2 || nr == 2)
        {
            p = 0;
            rec = 0;
        }

        return new BertScoreTriple(p, rec, double.IsNaN(f) ? 0 : f);
    }

    // bert_score divides the weights by their sum before the weighted sum; a zero sum gives NaN,
    // which is what makes an empty side's F NaN and then 0.
    private static double WeightedMean(double[] values, int[] ids, Func<int, double> weightOf)
    {
        double total = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            total += weightOf(ids[k]);
        }

        double sum = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            sum += weightOf(ids[k]) / total * values[k];
        }

        return sum;
    }

    private BertScoreTriple Rescaled(BertScoreTriple s)
    {
        if (!_options.Rescale)
        {
            return s;
        }

        var b = _options.Baseline!;
        return new BertScoreTriple((s.P - b.P) / (1 - b.P), (s.R - b.R) / (1 - b.R), (s.F - b.F) / (1 - b.F));
    }

    private Func<int, double> PlainWeights()
    {
        int cls = _encoder.ClsId, sep = _encoder.SepId;
        return id => id == cls || id == sep ? 0.0 : 1.0;
    }

    /// <summary>
    /// idf over the (flattened) reference set, as bert_score's get_idf_dict: each reference counts a
    /// token id once; idf = ln((M + 1) / (df + 1)), unseen ids ln(M + 1). [CLS]/[SEP] occur in every
    /// reference and so get ln(1) = 0.
    /// </summary>
    private static Func<int, double> IdfWeights(IEnumerable<int[]> referenceIds)
    {
        var df = new Dictionary<int, int>();
        var m = 0;
        foreach (var ids in referenceIds)
        {
            m++;
            foreach (var id in ids.Distinct())
            {
                df[id] = df.GetValueOrDefault(id) + 1;
            }
        }

        var unseen = Math.Log(m + 1.0);
        var idf = df.ToDictionary(kv => kv.Key, kv => Math.Log((m + 1.0) / (kv.Value + 1.0)));
        return id => idf.TryGetValue(id, out var w) ? w : unseen;
    }

    private Dictionary<string, EncodedSentence> Encode(IEnumerable<string> sentences)
    {
        var unique = sentences.Distinct(StringComparer.Ordinal).ToList();
        var tokenized = unique.Select(s => _encoder.Tokenize(PythonText.Strip(s))).ToList();

        // Longest first, so each batch pads little (results do not depend on batching).
        var order = Enumerable.Range(0, unique.Count).OrderByDescending(i => tokenized[i].Length).ToList();
        var result = new Dictionary<string, EncodedSentence>(StringComparer.Ordinal);
        var dim = _encoder.Dimension;
        for (var start = 0; start < order.Count; start += _options.BatchSize)
        {
            var batch = order.Skip(start).Take(_options.BatchSize).ToList();
            var states = _encoder.Embed(batch.Select(i => tokenized[i]).ToList());
            for (var k = 0; k < batch.Count; k++)
            {
                var ids = tokenized[batch[k]];
                var v = states[k];
                if (v.Length != ids.Length * dim)
                {
                    throw new InvalidOperationException($"Encoder returned {v.Length} values for {ids.Length} tokens × {dim} dimensions.");
                }

                Normalize(v, ids.Length, dim);
                result[unique[batch[k]]] = new EncodedSentence(ids, v);
            }
        }

        return result;
    }

    private static void Normalize(float[] v, int n, int dim)
    {
        for (var i = 0; i < n; i++)
        {
            var row = v.AsSpan(i * dim, dim);
            var norm = TensorPrimitives.Norm(row);
            TensorPrimitives.Divide(row, norm, row);
        }
    }
}
