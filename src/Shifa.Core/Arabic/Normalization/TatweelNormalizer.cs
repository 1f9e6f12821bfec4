// Removes tatweel (kashida), the purely typographic letter stretch.
namespace Shifa.Core.Arabic.Normalization;

/// <summary>Removes U+0640 ARABIC TATWEEL (<c>ـ</c>), used only to stretch words visually.</summary>
public sealed class TatweelNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static TatweelNormalizer Instance { get; } = new();

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, c => c == '\u0640' ? '\0' : c);
}
