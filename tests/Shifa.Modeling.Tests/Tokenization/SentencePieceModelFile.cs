using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

// Unigram SentencePiece models whose best segmentation is worked out on paper: identity normalizer,
// SentencePiece's whitespace handling on. The committed spm_train models check the reader against
// files SentencePiece itself wrote.
internal static class SentencePieceModelFile
{
    // Pieces 0, 1, 2 are <unk>, <s>, </s> as spm_train makes them (and XLM-R's model has them).
    public static byte[] Unigram(IEnumerable<(string Piece, float Score)> pieces)
    {
        var all = new List<(string, float, SentencePieceModelWriter.PieceType)>
        {
            ("<unk>", 0f, SentencePieceModelWriter.PieceType.Unknown),
            ("<s>", 0f, SentencePieceModelWriter.PieceType.Control),
            ("</s>", 0f, SentencePieceModelWriter.PieceType.Control),
        };
        all.AddRange(pieces.Select(p => (p.Piece, p.Score, SentencePieceModelWriter.PieceType.Normal)));
        return SentencePieceModelWriter.Unigram(all, precompiledCharsmap: null);
    }
}
