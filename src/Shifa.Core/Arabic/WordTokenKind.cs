namespace Shifa.Core.Arabic;

/// <summary>The class of a token found by <see cref="ArabicWordTokenizer"/>.</summary>
public enum WordTokenKind
{
    /// <summary>A run of Arabic-script letters with their diacritics and tatweel.</summary>
    ArabicWord = 0,
    /// <summary>A run of other letters (Latin, ...), possibly with trailing digits (<c>B12</c>, <c>covid19</c>).</summary>
    OtherWord = 1,
    /// <summary>Digits (ASCII, Arabic-Indic or Persian) with inner separators (<c>150/90</c>, <c>٣٫٥</c>, <c>10:30</c>).</summary>
    Number = 2,
    /// <summary>One emoji sequence (with joiners, skin tones, variation selectors).</summary>
    Emoji = 3,
    /// <summary>One punctuation mark or symbol (<c>،</c>, <c>؛</c>, <c>؟</c>, <c>%</c>...).</summary>
    Punctuation = 4,
}
