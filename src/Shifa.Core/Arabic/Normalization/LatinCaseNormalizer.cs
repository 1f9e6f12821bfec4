// Lower-cases ASCII letters so that "MRI" and "mri" match.
namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Lower-cases A–Z only. Limited to ASCII on purpose: culture-aware casing of other scripts can
/// change string length or produce sequences that Unicode composition would alter again.
/// </summary>
public sealed class LatinCaseNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static LatinCaseNormalizer Instance { get; } = new();

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
}
