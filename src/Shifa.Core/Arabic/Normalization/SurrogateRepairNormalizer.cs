// Replaces unpaired UTF-16 surrogates (broken input) with U+FFFD.
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Replaces each unpaired surrogate with U+FFFD. Runs first in every chain: removing a character
/// between two stray halves would otherwise fuse them into a new character on a later pass, and
/// NFC rejects unpaired surrogates outright.
/// </summary>
public sealed class SurrogateRepairNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static SurrogateRepairNormalizer Instance { get; } = new();

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                sb ??= new StringBuilder(text.Length).Append(text, 0, i);
                sb.Append('\uFFFD');
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }
}
