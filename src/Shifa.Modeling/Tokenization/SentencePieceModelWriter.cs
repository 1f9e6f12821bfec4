// Writes a SentencePiece ModelProto (sentencepiece_model.proto): a Unigram vocabulary from tokenizer.json runs through the library's SentencePiece reader, and tests build models by hand.
using System.Text;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Serializes the ModelProto fields a Unigram encoder reads: the pieces (text, score, type),
/// <c>trainer_spec.model_type</c> = UNIGRAM and the <c>normalizer_spec</c> (name, precompiled
/// character map, dummy prefix, extra-whitespace removal, whitespace escaping).
/// </summary>
public static class SentencePieceModelWriter
{
    /// <summary>SentencePiece piece types (sentencepiece_model.proto).</summary>
    public enum PieceType
    {
        Normal = 1,
        Unknown = 2,
        Control = 3,
    }

    /// <summary>Builds the bytes of a Unigram model.</summary>
    public static byte[] Unigram(IEnumerable<(string Piece, float Score, PieceType Type)> pieces, byte[]? precompiledCharsmap)
    {
        using var model = new MemoryStream();
        foreach (var (piece, score, type) in pieces)
        {
            using var sp = new MemoryStream();
            Bytes(sp, 1, Encoding.UTF8.GetBytes(piece));
            Tag(sp, 2, 5);
            sp.Write(BitConverter.GetBytes(score));
            Varint(sp, 3, (long)type);
            Bytes(model, 1, sp.ToArray());
        }

        using var trainer = new MemoryStream();
        Varint(trainer, 3, 1); // model_type = UNIGRAM
        Bytes(model, 2, trainer.ToArray());

        using var normalizer = new MemoryStream();
        var hasMap = precompiledCharsmap is { Length: > 0 };
        Bytes(normalizer, 1, Encoding.UTF8.GetBytes(hasMap ? "nmt_nfkc" : "identity"));
        if (hasMap)
        {
            Bytes(normalizer, 2, precompiledCharsmap!);
        }

        Varint(normalizer, 3, 1); // add_dummy_prefix
        Varint(normalizer, 4, 1); // remove_extra_whitespaces
        Varint(normalizer, 5, 1); // escape_whitespaces
        Bytes(model, 3, normalizer.ToArray());
        return model.ToArray();
    }

    private static void Tag(Stream s, int field, int wireType) => Raw(s, (ulong)((field << 3) | wireType));

    private static void Varint(Stream s, int field, long value)
    {
        Tag(s, field, 0);
        Raw(s, (ulong)value);
    }

    private static void Bytes(Stream s, int field, byte[] value)
    {
        Tag(s, field, 2);
        Raw(s, (ulong)value.Length);
        s.Write(value);
    }

    private static void Raw(Stream s, ulong v)
    {
        while (v >= 0x80)
        {
            s.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        s.WriteByte((byte)v);
    }
}
