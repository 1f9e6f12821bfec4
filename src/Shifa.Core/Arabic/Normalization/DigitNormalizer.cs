// Maps Arabic-Indic and Persian digits (and the Arabic decimal/thousands separators) to ASCII.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Maps ٠–٩ (U+0660–U+0669) and ۰–۹ (U+06F0–U+06F9) to 0–9, the Arabic decimal separator ٫
/// to <c>.</c>, the thousands separator ٬ to <c>,</c> and ٪ to <c>%</c>, so that <c>١٥٠/٩٠</c>
/// and <c>150/90</c> match.
/// </summary>
public sealed class DigitNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static DigitNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        '\u066B' => '.',
        '\u066C' => ',',
        '\u066A' => '%',
        _ => c,
    };

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
