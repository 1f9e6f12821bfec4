using System.Text;

namespace Shifa.Modeling.Tests.Tokenization;

// Writes a SentencePiece ModelProto (sentencepiece_model.proto) by hand, so tests can build Unigram
// models whose best segmentation is worked out on paper. Only the fields a Unigram encoder reads:
// pieces (piece, score, type), trainer_spec.model_type and a normalizer without a character map
// (identity), with SentencePiece's whitespace handling switched on.
internal static class SentencePieceModelFile
{
    public const int Normal = 1;
    public const int Unknown = 2;
    public const int Control = 3;

    // Pieces 0, 1, 2 are <unk>, <s>, </s> as spm_train makes them (and XLM-R's model has them).
    public static byte[] Unigram(IEnumerable<(string Piece, float Score)> pieces)
    {
        var all = new List<(string, float, int)> { ("<unk>", 0f, Unknown), ("<s>", 0f, Control), ("</s>", 0f, Control) };
        all.AddRange(pieces.Select(p => (p.Piece, p.Score, Normal)));
        using var model = new MemoryStream();
        foreach (var (piece, score, type) in all)
        {
            var sp = new MemoryStream();
            Bytes(sp, 1, Encoding.UTF8.GetBytes(piece));
            Tag(sp, 2, 5);
            sp.Write(BitConverter.GetBytes(score));
            Varint(sp, 3, type);
            Bytes(model, 1, sp.ToArray());
        }

        var trainer = new MemoryStream();
        Varint(trainer, 3, 1); // model_type = UNIGRAM
        Bytes(model, 2, trainer.ToArray());

        var normalizer = new MemoryStream();
        Bytes(normalizer, 1, Encoding.UTF8.GetBytes("identity"));
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
