// Output filter: a model may explain what a medicine is for, never how much of it to take.
using System.Text;
using System.Text.RegularExpressions;

namespace Shifa.Web.Safety;

/// <summary>
/// Replaces every sentence that states a dose (amount with a unit, or a schedule such as
/// "مرتين يوميا" / "كل 8 ساعات") with advice to ask a doctor or pharmacist. Shifa cannot tell
/// whether a named medicine needs a prescription where the user lives, so it treats every dose as
/// prescription-only.
/// </summary>
public static partial class DosingFilter
{
    /// <summary>True when <paramref name="sentence"/> states a dose or a dosing schedule.</summary>
    public static bool StatesDose(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var folded = SafetyText.Fold(sentence);
        return AmountWithUnit().IsMatch(folded) || Schedule().IsMatch(folded);
    }

    /// <summary>Returns <paramref name="text"/> with each dose-stating sentence replaced; <paramref name="replaced"/> counts them.</summary>
    public static string Apply(string text, out int replaced)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        replaced = 0;
        foreach (var sentence in SplitSentences(text))
        {
            if (StatesDose(sentence))
            {
                replaced++;
                // Surrounding whitespace stays, so a sentence cut out of a stream joins up as in the whole text.
                var lead = sentence.Length - sentence.TrimStart().Length;
                var trail = sentence.Length - sentence.TrimEnd().Length;
                sb.Append(sentence.AsSpan(0, lead)).Append(SafetyMessages.DoseReplacement).Append(sentence.AsSpan(sentence.Length - trail));
            }
            else
            {
                sb.Append(sentence);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Splits after sentence ends (. ! ? ؟ ؛ newline), keeping the delimiters and the following
    /// whitespace with the sentence so that joining the parts gives back the input.
    /// </summary>
    public static IEnumerable<string> SplitSentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsSentenceEnd(text, i))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            yield return text[start..end];
            start = end;
            i = end - 1;
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }

    /// <summary>True when position <paramref name="i"/> ends a sentence (a dot between digits, as in 2.5, does not).</summary>
    public static bool IsSentenceEnd(string text, int i)
    {
        ArgumentNullException.ThrowIfNull(text);
        var c = text[i];
        if (c == '.')
        {
            return !(i > 0 && i + 1 < text.Length && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]));
        }

        return c is '!' or '?' or '؟' or '؛' or '\n';
    }

    [GeneratedRegex(@"\d+(?:[.,٫]\d+)?\s*(?:-|الى|او|to)?\s*\d*\s*(?:ملغ|ملغم|مغ|ملجم|مجم|ملي ?غرام|ملي ?جرام|ميليغرام|ميكروغرام|ميكروجرام|غرام|جرام|غم|جم|مل|ملي|سي سي|وحده|وحدات|حبه|حبات|حبوب|قرص|اقراص|كبسوله|كبسولات|نقطه|نقاط|بخه|بخات|ملعقه|ملاعق|تحميله|لبوس|ابره|حقنه|mg|mcg|µg|g|ml|iu|units?|tablets?|caps?)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AmountWithUnit();

    [GeneratedRegex(@"(?:(?:مره|مرتين|مرات|ثلاث مرات|3 مرات|2 مره|حبه|حبتين|قرص|قرصين|كبسوله|كبسولتين|ملعقه|ملعقتين|نقطتين|بختين)\s*(?:واحده\s*)?(?:يوميا|يومي|في اليوم|باليوم|فاليوم|كل يوم|في النهار|بالنهار|قبل النوم|بعد الاكل|قبل الاكل|على الريق))|(?:كل\s*\d+\s*(?:ساعات|ساعه))|(?:\d+\s*(?:مرات|مره)\s*(?:يوميا|في اليوم|باليوم))|(?:(?:twice|once|three times)\s+(?:a|per)\s+day)|(?:every\s+\d+\s+hours)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Schedule();
}
