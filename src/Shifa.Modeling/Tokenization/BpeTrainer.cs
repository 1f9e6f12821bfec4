// Byte-level BPE training (minbpe's algorithm; pair counts kept incrementally over unique words, as HF tokenizers' trainer does).
namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Learns a byte-level BPE vocabulary from texts. Words are counted once (pre-tokenized with
/// <see cref="ByteLevelPreTokenizer.Qwen35Pattern"/>), pair counts are weighted by word counts, and each
/// merge only revisits the words that contain the merged pair, so cost grows with the number of
/// distinct words rather than with corpus length times merges.
/// </summary>
public static class BpeTrainer
{
    /// <summary>Trains on <paramref name="texts"/> and returns the vocabulary.</summary>
    public static ByteLevelBpeModel Train(IEnumerable<string> texts, BpeTrainerOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new BpeTrainerOptions();
        var learnable = options.VocabularySize - 256 - options.SpecialTokens.Count;
        if (learnable < 0)
        {
            throw new ArgumentException(
                $"Vocabulary size {options.VocabularySize} cannot hold 256 bytes and {options.SpecialTokens.Count} special tokens.", nameof(options));
        }

        var wordCounts = CountWords(texts, options.SpecialTokens, ct);
        var tokens = new List<string>(options.VocabularySize);
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < 256; b++)
        {
            var token = ByteLevelAlphabet.ToChar((byte)b).ToString();
            tokens.Add(token);
            tokenIds[token] = b;
        }

        var merges = new List<(string, string)>();
        var state = new PairState(wordCounts);
        var added = 0;
        while (added < learnable && state.TryPopBest(options.MinPairFrequency, out var left, out var right))
        {
            ct.ThrowIfCancellationRequested();
            var merged = tokens[left] + tokens[right];
            if (!tokenIds.TryGetValue(merged, out var newId))
            {
                newId = tokens.Count;
                tokens.Add(merged);
                tokenIds[merged] = newId;
                added++;
            }

            merges.Add((tokens[left], tokens[right]));
            state.Merge(left, right, newId);
        }

        var vocabulary = new Dictionary<string, int>(tokenIds, StringComparer.Ordinal);
        var specials = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var special in options.SpecialTokens)
        {
            var id = tokens.Count + specials.Count;
            specials[special] = id;
            vocabulary[special] = id;
        }

        return new ByteLevelBpeModel(vocabulary, merges, specials, ByteLevelPreTokenizer.Qwen35Pattern);
    }

    private static Dictionary<string, long> CountWords(IEnumerable<string> texts, IReadOnlyList<string> specialTokens, CancellationToken ct)
    {
        // Special-token strings inside training text are cut out, so no merge ever spells one.
        var preTokenizer = ByteLevelPreTokenizer.Default(specialTokens.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i));
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        var gate = new object();
        Parallel.ForEach(
            texts,
            new ParallelOptions { CancellationToken = ct },
            () => new Dictionary<string, long>(StringComparer.Ordinal),
            (text, _, local) =>
            {
                if (string.IsNullOrEmpty(text))
                {
                    return local;
                }

                foreach (var span in preTokenizer.Split(text))
                {
                    if (!span.IsSpecial)
                    {
                        var word = text.Substring(span.Start, span.Length);
                        local[word] = local.GetValueOrDefault(word) + 1;
                    }
                }

                return local;
            },
            local =>
            {
                lock (gate)
                {
                    foreach (var (word, count) in local)
                    {
                        total[word] = total.GetValueOrDefault(word) + count;
                    }
                }
            });
        return total;
    }
}
