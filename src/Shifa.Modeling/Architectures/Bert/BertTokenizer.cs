// BERT WordPiece tokenizer (vocab.txt or tokenizer.json) with Hugging Face's basic tokenization in front.
using System.Text.Json;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>
/// Encodes text into BERT input ids: <see cref="BertBasicTokenizer"/>, then greedy longest-match
/// WordPiece with <c>##</c> continuations (a word with an unmatched piece, or longer than 100
/// characters, becomes <c>[UNK]</c>), then <c>[CLS] … [SEP]</c>.
/// </summary>
public sealed class BertTokenizer : IEncoderTokenizer
{
    private const int MaxCharsPerWord = 100;
    private readonly Dictionary<string, int> _vocab;
    private readonly BertBasicTokenizer _basic;

    /// <summary>Creates a tokenizer over a vocabulary (token → id).</summary>
    public BertTokenizer(IReadOnlyDictionary<string, int> vocabulary, bool lowerCase, bool? stripAccents = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocab = new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        ClsId = Require("[CLS]");
        SepId = Require("[SEP]");
        UnkId = Require("[UNK]");
        PadId = _vocab.TryGetValue("[PAD]", out var pad) ? pad : 0;
        LowerCase = lowerCase;
        _basic = new BertBasicTokenizer(lowerCase, stripAccents, ["[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]"]);
    }

    /// <summary>Id of <c>[CLS]</c>.</summary>
    public int ClsId { get; }

    /// <summary>Id of <c>[SEP]</c>.</summary>
    public int SepId { get; }

    /// <summary>Id of <c>[UNK]</c>.</summary>
    public int UnkId { get; }

    /// <summary>Id of <c>[PAD]</c> (0 when the vocabulary has none).</summary>
    public int PadId { get; }

    /// <summary>Whether text is lowercased (uncased model).</summary>
    public bool LowerCase { get; }

    /// <summary>Vocabulary size.</summary>
    public int VocabSize => _vocab.Count;

    /// <summary>
    /// Loads from a model folder: <c>vocab.txt</c> (one token per line, id = line number) or else the
    /// WordPiece vocabulary inside <c>tokenizer.json</c>; casing from <c>tokenizer_config.json</c>'s
    /// <c>do_lower_case</c> (default true, as in transformers).
    /// </summary>
    public static BertTokenizer Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var lower = true;
        bool? strip = null;
        var config = Path.Combine(folder, "tokenizer_config.json");
        if (File.Exists(config))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(config));
            if (doc.RootElement.TryGetProperty("do_lower_case", out var l) && l.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                lower = l.GetBoolean();
            }

            if (doc.RootElement.TryGetProperty("strip_accents", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                strip = s.GetBoolean();
            }
        }

        var vocabTxt = Path.Combine(folder, "vocab.txt");
        if (File.Exists(vocabTxt))
        {
            var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
            var id = 0;
            foreach (var line in File.ReadLines(vocabTxt))
            {
                // A duplicated line takes its last id, as transformers' load_vocab does.
                vocab[line.TrimEnd('\r', '\n')] = id++;
            }

            return new BertTokenizer(vocab, lower, strip);
        }

        var json = Path.Combine(folder, "tokenizer.json");
        if (File.Exists(json))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
            if (!doc.RootElement.TryGetProperty("model", out var model) || !model.TryGetProperty("vocab", out var v) || v.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{json}: field 'model.vocab' (a WordPiece token → id object) is missing.");
            }

            var vocab = v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
            return new BertTokenizer(vocab, lower, strip);
        }

        throw new FileNotFoundException($"No BERT vocabulary in '{folder}': expected vocab.txt or tokenizer.json.");
    }

    /// <summary>WordPiece tokens of <paramref name="text"/> without special tokens.</summary>
    public List<string> Tokenize(string text)
    {
        var pieces = new List<string>();
        foreach (var word in _basic.Tokenize(text))
        {
            WordPiece(word, pieces);
        }

        return pieces;
    }

    /// <summary>
    /// Input ids <c>[CLS] tokens [SEP]</c>, keeping at most <paramref name="maxLength"/> ids in total
    /// (tokens beyond <c>maxLength − 2</c> are dropped, as transformers' truncation does).
    /// </summary>
    public int[] Encode(string text, int maxLength = 512)
    {
        if (maxLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "Need room for [CLS] and [SEP].");
        }

        var pieces = Tokenize(text);
        var n = Math.Min(pieces.Count, maxLength - 2);
        var ids = new int[n + 2];
        ids[0] = ClsId;
        for (var i = 0; i < n; i++)
        {
            ids[i + 1] = _vocab.TryGetValue(pieces[i], out var id) ? id : UnkId;
        }

        ids[n + 1] = SepId;
        return ids;
    }

    /// <inheritdoc/>
    public int[] EncodeSentence(string text, int maxLength) => Encode(text, maxLength);

    private void WordPiece(string word, List<string> output)
    {
        if (_vocab.ContainsKey(word) && word is "[CLS]" or "[SEP]" or "[UNK]" or "[PAD]" or "[MASK]")
        {
            output.Add(word);
            return;
        }

        var offsets = CodePointOffsets(word);
        var length = offsets.Length - 1;
        if (length > MaxCharsPerWord)
        {
            output.Add("[UNK]");
            return;
        }

        var start = 0;
        var pieces = new List<string>();
        while (start < length)
        {
            var end = length;
            string? found = null;
            while (start < end)
            {
                var sub = word[offsets[start]..offsets[end]];
                if (start > 0)
                {
                    sub = "##" + sub;
                }

                if (_vocab.ContainsKey(sub))
                {
                    found = sub;
                    break;
                }

                end--;
            }

            if (found is null)
            {
                output.Add("[UNK]");
                return;
            }

            pieces.Add(found);
            start = end;
        }

        output.AddRange(pieces);
    }

    private static int[] CodePointOffsets(string s)
    {
        var list = new List<int>(s.Length + 1);
        var i = 0;
        foreach (var r in s.EnumerateRunes())
        {
            list.Add(i);
            i += r.Utf16SequenceLength;
        }

        list.Add(i);
        return [.. list];
    }

    private int Require(string token) => _vocab.TryGetValue(token, out var id)
        ? id
        : throw new InvalidDataException($"BERT vocabulary has no '{token}' token; it is required for BERT inputs.");
}
