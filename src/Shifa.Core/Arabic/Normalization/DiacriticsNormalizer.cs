// Strips Arabic tashkeel (harakat, tanwin, shadda, sukun, superscript alef) and Quranic annotation marks.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Removes Arabic diacritics: U+064B–U+065F (tanwin, harakat, shadda, sukun, maddah/hamza
/// above and below), U+0670 (superscript alef), U+0610–U+061A and the Quranic marks
/// U+06D6–U+06ED and U+08D3–U+08FF. Removing the combining hamza and maddah is what makes a
/// decomposed <c>ا + ٔ</c> fold to the same letter as a precomposed <c>أ</c>.
/// </summary>
public sealed class DiacriticsNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static DiacriticsNormalizer Instance { get; } = new();

    /// <summary>True for the code units this normalizer removes.</summary>
    public static bool IsDiacritic(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' => true,
        '\u0670' => true,
        >= '\u0610' and <= '\u061A' => true,
        >= '\u06D6' and <= '\u06DC' => true,
        >= '\u06DF' and <= '\u06E4' => true,
        '\u06E7' or '\u06E8' => true,
        >= '\u06EA' and <= '\u06ED' => true,
        >= '\u08D3' and <= '\u08E1' => true,
        >= '\u08E3' and <= '\u08FF' => true,
        _ => false,
    };

    private static readonly Func<char, char> Map = c => IsDiacritic(c) ? '\0' : c;

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
