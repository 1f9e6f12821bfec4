// Decomposes Arabic presentation forms (glyph code points from old PDFs and fonts) to ordinary letters.
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Replaces Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE: isolated/initial/final
/// glyphs such as <c>ﺍﺣﻤﺪ</c>, ligatures such as <c>ﻻ</c>, <c>ﷲ</c>) by their compatibility
/// decomposition (NFKC), and nothing else: NFKC on the whole text would also rewrite
/// superscripts, fractions and full-width Latin.
/// </summary>
public sealed class PresentationFormNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static PresentationFormNormalizer Instance { get; } = new();

    private static bool IsPresentationForm(char c) => c is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE');

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsPresentationForm(c) || c is >= '\uFDD0' and <= '\uFDEF')
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            sb.Append(c.ToString().Normalize(NormalizationForm.FormKC));
        }

        return sb?.ToString() ?? text;
    }
}
