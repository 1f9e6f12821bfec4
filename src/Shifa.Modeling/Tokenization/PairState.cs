// Pair counts over unique words for BpeTrainer, updated incrementally after each merge.
using System.Text;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Unique words as symbol-id arrays with their corpus counts, the weighted count of every adjacent
/// pair, and for each pair the words that (may) contain it. A max-heap holds candidate pairs with
/// lazily corrected counts: an entry whose count went stale is re-queued with the current one.
/// </summary>
internal sealed class PairState
{
    private readonly int[][] _words;
    private readonly int[] _lengths;
    private readonly long[] _counts;
    private readonly Dictionary<long, long> _pairCounts = new();
    private readonly Dictionary<long, List<int>> _pairWords = new();
    private readonly PriorityQueue<long, (long Count, long Key)> _heap = new(PairOrder.Instance);

    public PairState(Dictionary<string, long> wordCounts)
    {
        // Sorted so that training is deterministic whatever order the parallel counting produced.
        var entries = wordCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        _words = new int[entries.Length][];
        _lengths = new int[entries.Length];
        _counts = new long[entries.Length];
        for (var w = 0; w < entries.Length; w++)
        {
            var bytes = Encoding.UTF8.GetBytes(entries[w].Key);
            _words[w] = Array.ConvertAll(bytes, b => (int)b);
            _lengths[w] = bytes.Length;
            _counts[w] = entries[w].Value;
            AddPairs(w, _counts[w], int.MinValue);
        }

        foreach (var (key, count) in _pairCounts)
        {
            _heap.Enqueue(key, (count, key));
        }
    }

    /// <summary>Pops the most frequent pair (ties: smallest ids) if it occurs at least <paramref name="minCount"/> times.</summary>
    public bool TryPopBest(int minCount, out int left, out int right)
    {
        while (_heap.TryDequeue(out var key, out var priority))
        {
            var current = _pairCounts.GetValueOrDefault(key);
            if (current != priority.Count)
            {
                if (current > 0)
                {
                    _heap.Enqueue(key, (current, key));
                }

                continue;
            }

            if (current < minCount)
            {
                break;
            }

            left = (int)(key >> 32);
            right = (int)(uint)key;
            return true;
        }

        left = right = -1;
        return false;
    }

    /// <summary>Replaces every occurrence of (<paramref name="left"/>, <paramref name="right"/>) by <paramref name="newId"/>.</summary>
    public void Merge(int left, int right, int newId)
    {
        var key = ByteLevelBpeTokenizer.PairKey(left, right);
        if (!_pairWords.Remove(key, out var candidates))
        {
            return;
        }

        foreach (var w in candidates)
        {
            if (!Contains(w, left, right))
            {
                continue;
            }

            AddPairs(w, -_counts[w], int.MinValue);
            Replace(w, left, right, newId);
            AddPairs(w, _counts[w], newId);
        }

        _pairCounts.Remove(key);
        // Only pairs that contain the new id can have grown; every other count only fell, which the lazy heap tolerates.
        var grown = new HashSet<long>();
        foreach (var w in candidates)
        {
            var word = _words[w];
            for (var i = 0; i < _lengths[w] - 1; i++)
            {
                if (word[i] == newId || word[i + 1] == newId)
                {
                    grown.Add(ByteLevelBpeTokenizer.PairKey(word[i], word[i + 1]));
                }
            }
        }

        foreach (var pair in grown)
        {
            _heap.Enqueue(pair, (_pairCounts[pair], pair));
        }
    }

    private bool Contains(int w, int left, int right)
    {
        var word = _words[w];
        for (var i = 0; i < _lengths[w] - 1; i++)
        {
            if (word[i] == left && word[i + 1] == right)
            {
                return true;
            }
        }

        return false;
    }

    private void Replace(int w, int left, int right, int newId)
    {
        var word = _words[w];
        var length = _lengths[w];
        var write = 0;
        for (var read = 0; read < length; read++)
        {
            if (read < length - 1 && word[read] == left && word[read + 1] == right)
            {
                word[write++] = newId;
                read++;
            }
            else
            {
                word[write++] = word[read];
            }
        }

        _lengths[w] = write;
    }

    // Adds delta to every pair of word w; registers w under pairs that contain indexId (all pairs when int.MinValue).
    private void AddPairs(int w, long delta, int indexId)
    {
        var word = _words[w];
        for (var i = 0; i < _lengths[w] - 1; i++)
        {
            var pair = ByteLevelBpeTokenizer.PairKey(word[i], word[i + 1]);
            _pairCounts[pair] = _pairCounts.GetValueOrDefault(pair) + delta;
            if (delta > 0 && (indexId == int.MinValue || word[i] == indexId || word[i + 1] == indexId))
            {
                if (!_pairWords.TryGetValue(pair, out var list))
                {
                    list = new List<int>();
                    _pairWords[pair] = list;
                }

                if (list.Count == 0 || list[^1] != w)
                {
                    list.Add(w);
                }
            }
        }
    }

    private sealed class PairOrder : IComparer<(long Count, long Key)>
    {
        public static readonly PairOrder Instance = new();

        public int Compare((long Count, long Key) x, (long Count, long Key) y)
        {
            // Min-heap order: larger count first, then smaller pair key.
            var byCount = y.Count.CompareTo(x.Count);
            return byCount != 0 ? byCount : x.Key.CompareTo(y.Key);
        }
    }
}
