// XLM-RoBERTa's tokenizer: a SentencePiece model with fairseq's id layout (transformers' XLMRobertaTokenizer).
using System.Text.Json;
using Microsoft.ML.Tokenizers;
using Shifa.Modeling.Architectures.Bert;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Encodes text as XLM-RoBERTa does: SentencePiece (the model's own normalizer, dummy prefix and
/// pieces, read by Microsoft.ML.Tokenizers) gives piece ids, which are moved into fairseq's layout —
/// <c>&lt;s&gt;</c> = 0, <c>&lt;pad&gt;</c> = 1, <c>&lt;/s&gt;</c> = 2, <c>&lt;unk&gt;</c> = 3,
/// every other SentencePiece id + 1, and <c>&lt;mask&gt;</c> last; a run of unknown characters is
/// one <c>&lt;unk&gt;</c>, as SentencePiece emits it. Special-token strings in the
/// text are split out first, with the whitespace to the left of <c>&lt;mask&gt;</c> dropped, as the
/// Hugging Face tokenizer does.
/// </summary>
public sealed class XlmRobertaTokenizer : IEncoderTokenizer, ITextTokenizer
{
    /// <summary>File name of the SentencePiece model in Hugging Face XLM-R folders (a Unigram model despite the name).</summary>
    public const string ModelFileName = "sentencepiece.bpe.model";

    private const int FairseqOffset = 1;
    private const int SentencePieceUnknownId = 0;
    private readonly SentencePieceTokenizer _spm;
    private readonly int _pieceCount;
    private readonly (string Text, int Id)[] _specials;

    /// <summary>Wraps a SentencePiece model whose ids 0, 1, 2 are <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>.</summary>
    public XlmRobertaTokenizer(SentencePieceTokenizer sentencePiece)
    {
        _spm = sentencePiece ?? throw new ArgumentNullException(nameof(sentencePiece));
        if (_spm.UnknownId != SentencePieceUnknownId)
        {
            throw new InvalidDataException($"The SentencePiece model's <unk> has id {_spm.UnknownId}; XLM-RoBERTa's layout needs it at 0 (with <s> = 1, </s> = 2).");
        }

        _pieceCount = _spm.Vocabulary.Values.Max() + 1;
        MaskId = _pieceCount + FairseqOffset;
        _specials = [("<mask>", MaskId), ("<pad>", PadId), ("<unk>", UnknownId), ("</s>", SepId), ("<s>", ClsId)];
    }

    /// <summary>Id of <c>&lt;s&gt;</c>, which opens every input.</summary>
    public int ClsId => 0;

    /// <summary>Id of <c>&lt;pad&gt;</c>.</summary>
    public int PadId => 1;

    /// <summary>Id of <c>&lt;/s&gt;</c>, which closes every input.</summary>
    public int SepId => 2;

    /// <summary>Id of <c>&lt;unk&gt;</c>.</summary>
    public int UnknownId => 3;

    /// <summary>Id of <c>&lt;mask&gt;</c> (the last id).</summary>
    public int MaskId { get; }

    /// <inheritdoc/>
    public int VocabSize => MaskId + 1;

    /// <inheritdoc/>
    int? ITextTokenizer.BosId => ClsId;

    /// <inheritdoc/>
    int? ITextTokenizer.EosId => SepId;

    /// <inheritdoc/>
    int? ITextTokenizer.PadId => PadId;

    /// <summary>
    /// Loads <c>sentencepiece.bpe.model</c> from a model folder (or else the Unigram
    /// <c>tokenizer.json</c> transformers writes for XLM-R), or the <c>.model</c> file given.
    /// </summary>
    public static XlmRobertaTokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Directory.Exists(path) ? Path.Combine(path, ModelFileName) : path;
        if (File.Exists(file))
        {
            using var stream = File.OpenRead(file);
            return Create(stream, file);
        }

        var json = Directory.Exists(path) ? Path.Combine(path, "tokenizer.json") : null;
        if (json is not null && File.Exists(json))
        {
            byte[] model;
            try
            {
                model = XlmRobertaTokenizerJson.ToSentencePieceModel(json);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new InvalidDataException($"{json}: not valid JSON with a base64 precompiled_charsmap ({e.Message}).", e);
            }

            using var stream = new MemoryStream(model);
            return Create(stream, json);
        }

        throw new FileNotFoundException(
            $"No XLM-RoBERTa tokenizer at '{path}': expected the SentencePiece model {ModelFileName} or a Unigram tokenizer.json (as published with xlm-roberta-base/large).", file);
    }

    private static XlmRobertaTokenizer Create(Stream model, string source)
    {
        try
        {
            return new XlmRobertaTokenizer(SentencePieceTokenizer.Create(model, addBeginningOfSentence: false, addEndOfSentence: false));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InvalidDataException))
        {
            throw new InvalidDataException($"{source}: not a SentencePiece model Microsoft.ML.Tokenizers can read ({e.Message}).", e);
        }
    }

    /// <summary>Ids of <paramref name="text"/> without <c>&lt;s&gt;</c>/<c>&lt;/s&gt;</c> around it.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>();
        var start = 0;
        var pendingStart = 0;
        while (start < text.Length)
        {
            var special = SpecialAt(text, start);
            if (special is not { } s)
            {
                start++;
                continue;
            }

            var end = start;
            if (s.Id == MaskId)
            {
                // <mask> is registered with lstrip: it swallows the whitespace before it.
                while (end > pendingStart && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }
            }

            AddPieces(text.AsSpan(pendingStart, end - pendingStart), ids);
            ids.Add(s.Id);
            start += s.Text.Length;
            pendingStart = start;
        }

        AddPieces(text.AsSpan(pendingStart), ids);
        return [.. ids];
    }

    /// <inheritdoc/>
    public int[] EncodeSentence(string text, int maxLength)
    {
        return SentenceIds.Frame(ClsId, Encode(text), SepId, maxLength);
    }

    /// <inheritdoc/>
    public string Decode(IEnumerable<int> ids, bool skipSpecialTokens = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var text = new System.Text.StringBuilder();
        var run = new List<int>();
        foreach (var id in ids)
        {
            if (id > UnknownId && id < MaskId)
            {
                run.Add(id - FairseqOffset);
                continue;
            }

            if (id < 0 || id > MaskId)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), id, $"Id outside XLM-RoBERTa's vocabulary 0..{MaskId}.");
            }

            Flush();
            if (!skipSpecialTokens)
            {
                text.Append(_specials.First(s => s.Id == id).Text);
            }
        }

        Flush();
        return text.ToString();

        void Flush()
        {
            if (run.Count > 0)
            {
                text.Append(_spm.Decode(run, considerSpecialTokens: false));
                run.Clear();
            }
        }
    }

    private (string Text, int Id)? SpecialAt(string text, int index)
    {
        foreach (var s in _specials)
        {
            if (string.CompareOrdinal(text, index, s.Text, 0, s.Text.Length) == 0)
            {
                return s;
            }
        }

        return null;
    }

    private void AddPieces(ReadOnlySpan<char> segment, List<int> ids)
    {
        if (segment.IsWhiteSpace())
        {
            return;
        }

        var previousUnknown = false;
        foreach (var id in _spm.EncodeToIds(segment, addBeginningOfSentence: false, addEndOfSentence: false))
        {
            // SentencePiece itself joins a run of unknown characters into one <unk> piece (and the
            // Hugging Face tokenizer sees that one piece); the library returns one per character.
            var unknown = id == SentencePieceUnknownId;
            if (!(unknown && previousUnknown))
            {
                ids.Add(unknown ? UnknownId : id + FairseqOffset);
            }

            previousUnknown = unknown;
        }
    }
}
