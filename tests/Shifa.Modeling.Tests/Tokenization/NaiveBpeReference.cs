// A deliberately naive BPE trainer (recount every pair after every merge) to check the incremental one against.
using System.Text;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

internal static class NaiveBpeReference
{
    public static List<(string Left, string Right)> Merges(IEnumerable<string> texts, int merges, int minFrequency)
    {
        var preTokenizer = ByteLevelPreTokenizer.Default(new Dictionary<string, int>());
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var span in preTokenizer.Split(text))
            {
                var word = text.Substring(span.Start, span.Length);
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        var tokens = Enumerable.Range(0, 256).Select(b => ByteLevelAlphabet.ToChar((byte)b).ToString()).ToList();
        var words = counts.Select(kv => (Ids: Encoding.UTF8.GetBytes(kv.Key).Select(b => (int)b).ToList(), Count: kv.Value)).ToList();
        var result = new List<(string, string)>();
        while (result.Count < merges)
        {
            var pairs = new Dictionary<(int, int), long>();
            foreach (var (ids, count) in words)
            {
                for (var i = 0; i + 1 < ids.Count; i++)
                {
                    pairs[(ids[i], ids[i + 1])] = pairs.GetValueOrDefault((ids[i], ids[i + 1])) + count;
                }
            }

            if (pairs.Count == 0)
            {
                break;
            }

            var best = pairs.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).First();
            if (best.Value < minFrequency)
            {
                break;
            }

            var merged = tokens[best.Key.Item1] + tokens[best.Key.Item2];
            var newId = tokens.IndexOf(merged);
            if (newId < 0)
            {
                newId = tokens.Count;
                tokens.Add(merged);
            }

            result.Add((tokens[best.Key.Item1], tokens[best.Key.Item2]));
            foreach (var (ids, _) in words)
            {
                for (var i = 0; i + 1 < ids.Count; i++)
                {
                    if (ids[i] == best.Key.Item1 && ids[i + 1] == best.Key.Item2)
                    {
                        ids[i] = newId;
                        ids.RemoveAt(i + 1);
                    }
                }
            }
        }

        return result;
    }
}
