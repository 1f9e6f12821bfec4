// A small TF-IDF index over character 3-grams, for the retrieval baseline.
using System.Text;

namespace Shifa.Evaluation.Systems;

/// <summary>Sparse TF-IDF vectors (log-scaled tf, smooth idf, L2-normalised) with exact nearest-neighbour search.</summary>
public sealed class TfIdfIndex
{
    private readonly Dictionary<string, double> _idf;
    private readonly List<Dictionary<string, double>> _docs;

    /// <summary>Builds the index over <paramref name="documents"/>.</summary>
    public TfIdfIndex(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var counts = documents.Select(Grams).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            foreach (var g in c.Keys)
            {
                df[g] = df.GetValueOrDefault(g) + 1;
            }
        }

        var n = documents.Count;
        _idf = df.ToDictionary(kv => kv.Key, kv => Math.Log((1.0 + n) / (1.0 + kv.Value)) + 1.0, StringComparer.Ordinal);
        _docs = counts.Select(Vector).ToList();
    }

    /// <summary>Index and cosine of the most similar document (first one on ties).</summary>
    public (int Index, double Similarity) Nearest(string query)
    {
        var q = Vector(Grams(query));
        var best = (Index: 0, Similarity: double.NegativeInfinity);
        for (var i = 0; i < _docs.Count; i++)
        {
            double dot = 0;
            var (small, large) = q.Count <= _docs[i].Count ? (q, _docs[i]) : (_docs[i], q);
            foreach (var (g, w) in small)
            {
                if (large.TryGetValue(g, out var v))
                {
                    dot += w * v;
                }
            }

            if (dot > best.Similarity)
            {
                best = (i, dot);
            }
        }

        return best;
    }

    private Dictionary<string, double> Vector(Dictionary<string, int> counts)
    {
        var v = new Dictionary<string, double>(counts.Count, StringComparer.Ordinal);
        foreach (var (g, c) in counts)
        {
            // Query grams never seen in the corpus carry no evidence of similarity.
            if (_idf.TryGetValue(g, out var idf))
            {
                v[g] = (1 + Math.Log(c)) * idf;
            }
        }

        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm > 0)
        {
            foreach (var k in v.Keys.ToList())
            {
                v[k] /= norm;
            }
        }

        return v;
    }

    private static Dictionary<string, int> Grams(string text)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var ch in (text + " ").ToLowerInvariant())
        {
            // Harakat and tatweel are skipped so vowelled and plain spellings share grams.
            if (char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark || ch == '\u0640')
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                word.Append(ch);
                continue;
            }

            if (word.Length > 0)
            {
                var w = $"<{word}>";
                for (var i = 0; i + 3 <= w.Length; i++)
                {
                    var g = w.Substring(i, 3);
                    grams[g] = grams.GetValueOrDefault(g) + 1;
                }

                word.Clear();
            }
        }

        return grams;
    }
}
