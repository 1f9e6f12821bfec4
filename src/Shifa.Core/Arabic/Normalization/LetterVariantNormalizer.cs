// Folds Persian/Urdu code points that look like Arabic letters to the Arabic ones.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Maps keyboard look-alikes to the Arabic letter: ک (U+06A9) and ڪ (U+06AA) → ك; ە (U+06D5),
/// ھ (U+06BE) and ۀ (U+06C0) → ه. Farsi yeh is handled by <see cref="AlefMaqsuraNormalizer"/>.
/// </summary>
public sealed class LetterVariantNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static LetterVariantNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c switch
    {
        '\u06A9' or '\u06AA' => '\u0643',
        '\u06D5' or '\u06BE' or '\u06C0' => '\u0647',
        _ => c,
    };

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
