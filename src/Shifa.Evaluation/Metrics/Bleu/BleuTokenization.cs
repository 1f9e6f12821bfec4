namespace Shifa.Evaluation.Metrics.Bleu;

/// <summary>Tokenizers BLEU can run, named as in sacrebleu.</summary>
public enum BleuTokenization
{
    /// <summary>mteval-v13a (sacrebleu default): ASCII punctuation split, Arabic punctuation stays attached.</summary>
    Mteval13a,

    /// <summary>mteval-v14 international: splits every Unicode punctuation and symbol (recommended for Arabic).</summary>
    International,

    /// <summary>Every code point is a token.</summary>
    Character,

    /// <summary>Whitespace only.</summary>
    None,
}
