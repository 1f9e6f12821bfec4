// Removes combining maddah and hamza marks, which would otherwise recompose with folded letters.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Removes U+0653 (maddah above), U+0654 (hamza above) and U+0655 (hamza below). Needed whenever
/// letters are folded but diacritics are kept: folding <c>أ + ٔ</c> to <c>ا + ٔ</c> would let NFC
/// compose a new <c>أ</c> on the next pass, breaking idempotence.
/// </summary>
public sealed class CombiningHamzaNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static CombiningHamzaNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c is >= '\u0653' and <= '\u0655' ? '\0' : c;

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
