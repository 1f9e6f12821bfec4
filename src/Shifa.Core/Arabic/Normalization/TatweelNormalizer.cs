// Removes tatweel (kashida), the purely typographic letter stretch.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>Removes U+0640 ARABIC TATWEEL (<c>ـ</c>), used only to stretch words visually.</summary>
public sealed class TatweelNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static TatweelNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c == '\u0640' ? '\0' : c;

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
