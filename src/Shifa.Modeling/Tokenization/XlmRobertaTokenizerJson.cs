// Reads XLM-RoBERTa's Unigram vocabulary from a Hugging Face tokenizer.json (transformers' XLMRobertaConverter layout).
using System.Text.Json;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Turns the <c>tokenizer.json</c> that transformers writes for XLM-R (a Unigram model whose
/// vocabulary is already in fairseq's order: <c>&lt;s&gt;</c>, <c>&lt;pad&gt;</c>, <c>&lt;/s&gt;</c>,
/// <c>&lt;unk&gt;</c>, the SentencePiece pieces, <c>&lt;mask&gt;</c>) back into the SentencePiece
/// model it was converted from: same pieces and scores, and the <c>Precompiled</c> normalizer's
/// character map. Encoding then follows the SentencePiece tokenizer bert_score uses.
/// </summary>
internal static class XlmRobertaTokenizerJson
{
    private static readonly string[] FairseqHead = ["<s>", "<pad>", "</s>", "<unk>"];

    /// <summary>Returns the bytes of an equivalent <c>sentencepiece.bpe.model</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not an XLM-R Unigram tokenizer; the message names the field.</exception>
    public static byte[] ToSentencePieceModel(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        if (!root.TryGetProperty("model", out var model) || !model.TryGetProperty("type", out var type) || type.GetString() != "Unigram")
        {
            throw new InvalidDataException($"{path}: model.type is not \"Unigram\"; XLM-RoBERTa's tokenizer.json holds a Unigram model.");
        }

        if (model.TryGetProperty("byte_fallback", out var fallback) && fallback.ValueKind == JsonValueKind.True)
        {
            throw new InvalidDataException($"{path}: model.byte_fallback is true; XLM-RoBERTa's Unigram model has no byte fallback.");
        }

        if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: model.vocab (an array of [piece, score]) is missing.");
        }

        var entries = new List<(string Piece, float Score)>();
        var index = 0;
        foreach (var item in vocab.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Array || item.GetArrayLength() != 2 || item[0].ValueKind != JsonValueKind.String || item[1].ValueKind != JsonValueKind.Number)
            {
                throw new InvalidDataException($"{path}: model.vocab[{index}] is not a [piece, score] pair.");
            }

            entries.Add((item[0].GetString()!, item[1].GetSingle()));
            index++;
        }

        for (var i = 0; i < FairseqHead.Length; i++)
        {
            if (entries.Count <= i || entries[i].Piece != FairseqHead[i])
            {
                throw new InvalidDataException($"{path}: model.vocab[{i}] must be '{FairseqHead[i]}' (XLM-RoBERTa's fairseq layout <s>, <pad>, </s>, <unk>).");
            }
        }

        if (entries.Count < 6 || entries[^1].Piece != "<mask>")
        {
            throw new InvalidDataException($"{path}: the last entry of model.vocab must be '<mask>' (XLM-RoBERTa's layout).");
        }

        if (model.TryGetProperty("unk_id", out var unk) && unk.ValueKind == JsonValueKind.Number && unk.GetInt32() != 3)
        {
            throw new InvalidDataException($"{path}: model.unk_id is {unk.GetInt32()}; XLM-RoBERTa's <unk> is 3.");
        }

        RequireMetaspace(root, path);
        var charsmap = root.TryGetProperty("normalizer", out var normalizer) ? ReadNormalizer(normalizer, path) : null;

        // SentencePiece's own order: <unk>, <s>, </s>, then the pieces (fairseq id − 1).
        var pieces = new List<(string, float, SentencePieceModelWriter.PieceType)>
        {
            ("<unk>", 0f, SentencePieceModelWriter.PieceType.Unknown),
            ("<s>", 0f, SentencePieceModelWriter.PieceType.Control),
            ("</s>", 0f, SentencePieceModelWriter.PieceType.Control),
        };
        pieces.AddRange(entries.Skip(4).Take(entries.Count - 5).Select(e => (e.Piece, e.Score, SentencePieceModelWriter.PieceType.Normal)));
        return SentencePieceModelWriter.Unigram(pieces, charsmap);
    }

    private static void RequireMetaspace(JsonElement root, string path)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || !Flatten(pre, "pretokenizers").Any(p => TypeOf(p) == "Metaspace"
                && (!p.TryGetProperty("replacement", out var r) || r.GetString() == "▁")))
        {
            throw new InvalidDataException($"{path}: pre_tokenizer has no Metaspace (▁) step; this is not a SentencePiece-style tokenizer.");
        }
    }

    // Precompiled carries the SentencePiece character map; Strip and the " {2,}" Replace are how
    // the converter imitates SentencePiece's own whitespace handling, which the model applies anyway.
    private static byte[]? ReadNormalizer(JsonElement normalizer, string path)
    {
        byte[]? charsmap = null;
        foreach (var step in Flatten(normalizer, "normalizers"))
        {
            switch (TypeOf(step))
            {
                case "Precompiled":
                    var text = step.TryGetProperty("precompiled_charsmap", out var m) ? m.GetString() : null;
                    charsmap = string.IsNullOrEmpty(text) ? null : Convert.FromBase64String(text);
                    break;
                case "Strip":
                    break;
                case "Replace" when step.TryGetProperty("pattern", out var pattern) && pattern.TryGetProperty("Regex", out var regex)
                    && regex.GetString() == " {2,}":
                    break;
                default:
                    throw new InvalidDataException(
                        $"{path}: normalizer step '{step.GetRawText()}' is not one SentencePiece's model applies (Precompiled, Strip, Replace of \" {{2,}}\"); use sentencepiece.bpe.model instead.");
            }
        }

        return charsmap;
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element, string listName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (TypeOf(element) == "Sequence" && element.TryGetProperty(listName, out var list))
        {
            foreach (var inner in list.EnumerateArray())
            {
                foreach (var e in Flatten(inner, listName))
                {
                    yield return e;
                }
            }

            yield break;
        }

        yield return element;
    }

    private static string? TypeOf(JsonElement e) => e.TryGetProperty("type", out var t) ? t.GetString() : null;
}
