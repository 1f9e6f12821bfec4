// TF-IDF over character 3–5-grams of folded Arabic text (robust to clitics and dialect spelling),
// cosine similarity, exact top-1 by a scan over sparse vectors.
using Shifa.Web.Safety;

namespace Shifa.Web.Retrieval;

/// <summary>An immutable TF-IDF character n-gram index over short documents.</summary>
public sealed class CharNgramIndex
{
    private const int MinN = 3;
    private const int MaxN = 5;
    private readonly Dictionary<string, int> _vocab = new(StringComparer.Ordinal);
    private readonly double[] _idf;
    private readonly (int[] Ids, double[] Weights)[] _docs;

    /// <summary>Builds the index over <paramref name="documents"/> (position = document number).</summary>
    public CharNgramIndex(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var counts = documents.Select(d => CountGrams(d, true)).ToArray();
        var df = new int[_vocab.Count];
        foreach (var c in counts)
        {
            foreach (var id in c.Keys)
            {
                df[id]++;
            }
        }

        _idf = df.Select(d => Math.Log((1.0 + documents.Count) / (1.0 + d)) + 1.0).ToArray();
        _docs = counts.Select(Weigh).ToArray();
    }

    /// <summary>Number of documents.</summary>
    public int Count => _docs.Length;

    /// <summary>The best-matching document and its cosine similarity, or (-1, 0) when nothing shares an n-gram.</summary>
    public (int Document, double Score) Best(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = Weigh(CountGrams(query, false));
        var lookup = new Dictionary<int, double>(q.Ids.Length);
        for (var i = 0; i < q.Ids.Length; i++)
        {
            lookup[q.Ids[i]] = q.Weights[i];
        }

        var best = (-1, 0.0);
        for (var d = 0; d < _docs.Length; d++)
        {
            var (ids, w) = _docs[d];
            var dot = 0.0;
            for (var i = 0; i < ids.Length; i++)
            {
                if (lookup.TryGetValue(ids[i], out var qw))
                {
                    dot += qw * w[i];
                }
            }

            if (dot > best.Item2)
            {
                best = (d, dot);
            }
        }

        return best;
    }

    private Dictionary<int, int> CountGrams(string text, bool grow)
    {
        var folded = SafetyText.Fold(text);
        var counts = new Dictionary<int, int>();
        for (var n = MinN; n <= MaxN; n++)
        {
            for (var i = 0; i + n <= folded.Length; i++)
            {
                var gram = folded.Substring(i, n);
                if (!_vocab.TryGetValue(gram, out var id))
                {
                    if (!grow)
                    {
                        continue;
                    }

                    id = _vocab.Count;
                    _vocab[gram] = id;
                }

                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts;
    }

    private (int[] Ids, double[] Weights) Weigh(Dictionary<int, int> counts)
    {
        var ids = counts.Keys.ToArray();
        // Sublinear tf keeps a repeated phrase from dominating a short question.
        var w = ids.Select(id => (1 + Math.Log(counts[id])) * _idf[id]).ToArray();
        var norm = Math.Sqrt(w.Sum(x => x * x));
        if (norm > 0)
        {
            for (var i = 0; i < w.Length; i++)
            {
                w[i] /= norm;
            }
        }

        return (ids, w);
    }
}
