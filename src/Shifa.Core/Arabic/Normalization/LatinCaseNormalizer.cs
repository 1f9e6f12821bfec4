// Lower-cases ASCII letters so that "MRI" and "mri" match.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Lower-cases A–Z only. Limited to ASCII on purpose: culture-aware casing of other scripts can
/// change string length or produce sequences that Unicode composition would alter again.
/// </summary>
public sealed class LatinCaseNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static LatinCaseNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
