// Normalisation used only for matching safety lexicons: folds the spelling variation of Arabic
// chat text (diacritics, tatweel, hamza forms, ta marbuta, alef maqsura, Arabic-Indic digits).
using System.Text;
using System.Text.RegularExpressions;

namespace Shifa.Web.Safety;

/// <summary>Folds Arabic text to the matching form the safety lexicons are written in.</summary>
public static partial class SafetyText
{
    /// <summary>
    /// Returns the matching form of <paramref name="text"/>: no diacritics or tatweel, hamza-carrying
    /// alefs folded to bare alef, ة→ه, ى→ي, ؤ→و, ئ→ي, digits ASCII, Latin lower case, letters repeated
    /// three or more times collapsed to one, punctuation turned to spaces, single-spaced and padded
    /// with one space on each side so that lexicon entries can anchor on word starts.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 2);
        sb.Append(' ');
        var lastWasSpace = true;
        foreach (var raw in text)
        {
            var c = raw;
            if (c is >= '\u064B' and <= '\u065F' || c == '\u0670' || c == '\u0640' || c == '\u200C' || c == '\u200D' || c == '\u200F' || c == '\u200E')
            {
                continue;
            }

            c = c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ة' => 'ه',
                'ى' => 'ي',
                'ؤ' => 'و',
                'ئ' => 'ي',
                'ی' => 'ي',
                'ک' => 'ك',
                'گ' => 'ك',
                'چ' => 'ج',
                'ڤ' => 'ف',
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                _ => char.ToLowerInvariant(c),
            };

            if (!char.IsLetterOrDigit(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            sb.Append(c);
            lastWasSpace = false;
        }

        if (!lastWasSpace)
        {
            sb.Append(' ');
        }

        // Stretched chat spelling ("كتيييير", "ااالم") keeps one copy of the letter.
        return Stretched().Replace(sb.ToString(), "$1");
    }

    [GeneratedRegex(@"(\p{L})\1{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Stretched();
}
