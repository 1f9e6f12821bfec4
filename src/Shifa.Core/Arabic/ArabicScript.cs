// Script statistics: how much of a text is written in Arabic letters.
using System.Text;

namespace Shifa.Core.Arabic;

/// <summary>Arabic-script measures over text.</summary>
public static class ArabicScript
{
    /// <summary>
    /// True for Arabic-script letters: the Arabic blocks U+0600–U+06FF, U+0750–U+077F,
    /// U+08A0–U+08FF and the presentation forms, excluding tatweel (a letter by category, but only
    /// a stretch).
    /// </summary>
    public static bool IsArabicLetter(Rune r)
    {
        var v = r.Value;
        var inBlock = v is (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF)
            or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFE);
        return inBlock && v != 0x0640 && Rune.IsLetter(r);
    }

    /// <summary>
    /// Share of Arabic-script letters among all letters (digits, punctuation, emoji and marks do not
    /// count); 0 when the text has no letters.
    /// </summary>
    public static double Ratio(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var letters = 0;
        var arabic = 0;
        foreach (var r in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(r) || r.Value == 0x0640)
            {
                continue;
            }

            letters++;
            if (IsArabicLetter(r))
            {
                arabic++;
            }
        }

        return letters == 0 ? 0 : (double)arabic / letters;
    }
}
