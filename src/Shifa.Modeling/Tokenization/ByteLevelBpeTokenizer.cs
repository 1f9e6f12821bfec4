// Shifa's own byte-level BPE encoder (minbpe's encode: repeatedly merge the lowest-ranked pair).
using System.Collections.Concurrent;
using System.Text;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Encodes and decodes with a <see cref="ByteLevelBpeModel"/>. Gives the same ids as Hugging Face
/// tokenizers and Microsoft.ML.Tokenizers' byte-level BPE for the same files; used right after
/// training and wherever no file round trip is wanted.
/// </summary>
public sealed class ByteLevelBpeTokenizer : ITextTokenizer
{
    private const int CacheLimit = 200_000;

    private readonly int[] _byteIds = new int[256];
    private readonly Dictionary<long, (int Rank, int Id)> _merges = new();
    private readonly byte[]?[] _idBytes;
    private readonly string?[] _specialById;
    private readonly ByteLevelPreTokenizer _preTokenizer;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates an encoder for <paramref name="model"/>.</summary>
    public ByteLevelBpeTokenizer(ByteLevelBpeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        var vocabulary = model.Vocabulary;
        for (var b = 0; b < 256; b++)
        {
            _byteIds[b] = vocabulary[ByteLevelAlphabet.ToChar((byte)b).ToString()];
        }

        for (var rank = 0; rank < model.Merges.Count; rank++)
        {
            var (left, right) = model.Merges[rank];
            var key = PairKey(vocabulary[left], vocabulary[right]);
            // A later duplicate of the same pair never applies; keep the first rank as HF does.
            _merges.TryAdd(key, (rank, vocabulary[left + right]));
        }

        VocabSize = model.VocabularySize;
        _idBytes = new byte[]?[VocabSize];
        _specialById = new string?[VocabSize];
        foreach (var (token, id) in vocabulary)
        {
            if (model.SpecialTokens.ContainsKey(token))
            {
                _specialById[id] = token;
            }
            else if (ByteLevelAlphabet.TryToBytes(token, out var bytes))
            {
                _idBytes[id] = bytes;
            }
        }

        _preTokenizer = new ByteLevelPreTokenizer(ByteLevelPreTokenizer.Compile(model.Pattern), model.SpecialTokens);
        EosId = model.SpecialTokens.TryGetValue(SpecialTokenNames.EndOfText, out var eos) ? eos : null;
    }

    /// <summary>The vocabulary this encoder uses.</summary>
    public ByteLevelBpeModel Model { get; }

    /// <inheritdoc />
    public int VocabSize { get; }

    /// <summary>Special tokens and their ids.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens => Model.SpecialTokens;

    /// <inheritdoc />
    public int? BosId => EosId;

    /// <inheritdoc />
    public int? EosId { get; }

    /// <inheritdoc />
    public int? PadId => EosId;

    /// <inheritdoc />
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 2 + 4);
        foreach (var span in _preTokenizer.Split(text))
        {
            if (span.IsSpecial)
            {
                ids.Add(span.SpecialId);
                continue;
            }

            var word = text.Substring(span.Start, span.Length);
            if (!_cache.TryGetValue(word, out var wordIds))
            {
                wordIds = EncodeWord(word);
                if (_cache.Count < CacheLimit)
                {
                    _cache.TryAdd(word, wordIds);
                }
            }

            ids.AddRange(wordIds);
        }

        return ids.ToArray();
    }

    /// <inheritdoc />
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var text = new StringBuilder();
        var pending = new List<byte>();
        foreach (var id in ids)
        {
            if ((uint)id >= (uint)VocabSize)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token id {id} is outside the vocabulary (size {VocabSize}).");
            }

            if (_specialById[id] is { } special)
            {
                Flush(pending, text);
                if (!skipSpecialTokens)
                {
                    text.Append(special);
                }
            }
            else if (_idBytes[id] is { } bytes)
            {
                pending.AddRange(bytes);
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Token id {id} is not assigned in this vocabulary.");
            }
        }

        Flush(pending, text);
        return text.ToString();
    }

    /// <summary>Encodes one pre-token (no special tokens inside) to ids.</summary>
    public int[] EncodeWord(string word)
    {
        var bytes = Encoding.UTF8.GetBytes(word);
        var ids = new int[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            ids[i] = _byteIds[bytes[i]];
        }

        var length = ids.Length;
        while (length >= 2)
        {
            var bestRank = int.MaxValue;
            var bestId = -1;
            long bestKey = 0;
            for (var i = 0; i < length - 1; i++)
            {
                var key = PairKey(ids[i], ids[i + 1]);
                if (_merges.TryGetValue(key, out var merge) && merge.Rank < bestRank)
                {
                    (bestRank, bestId, bestKey) = (merge.Rank, merge.Id, key);
                }
            }

            if (bestId < 0)
            {
                break;
            }

            var write = 0;
            for (var read = 0; read < length; read++)
            {
                if (read < length - 1 && PairKey(ids[read], ids[read + 1]) == bestKey)
                {
                    ids[write++] = bestId;
                    read++;
                }
                else
                {
                    ids[write++] = ids[read];
                }
            }

            length = write;
        }

        return ids.AsSpan(0, length).ToArray();
    }

    internal static long PairKey(int left, int right) => ((long)left << 32) | (uint)right;

    private static void Flush(List<byte> pending, StringBuilder text)
    {
        if (pending.Count > 0)
        {
            text.Append(Encoding.UTF8.GetString(pending.ToArray()));
            pending.Clear();
        }
    }
}
