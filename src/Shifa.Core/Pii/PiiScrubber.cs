// Replaces personal information in social-media medical text with typed placeholders.
using System.Text;
using System.Text.RegularExpressions;
using Shifa.Core.Arabic.Normalization;

namespace Shifa.Core.Pii;

/// <summary>
/// Scrubs e-mails, URLs, doctor titles with names, self-disclosed names, id numbers and phone
/// numbers (in that priority when matches overlap), replacing each with its placeholder
/// (<see cref="PiiScrubResult.Placeholder"/>). Numbers count as phones only from 9 digits with a
/// <c>0</c>, <c>00</c> or <c>+</c> prefix, and as ids from 9 digits without separators, so clinical
/// values such as <c>150/90</c>, <c>500 ملغ</c>, <c>٣٧٫٥</c> or dates stay untouched.
/// </summary>
public static partial class PiiScrubber
{
    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w@.])(?:[a-z0-9\-]+\.)+(?:com|net|org|info|io|me|co|sa|eg|ae|jo|ma|dz|tn|iq|kw|qa|bh|om|lb|sy|ly|sd|ps|ye)(?:/[^\s<>""'«»]*[^\s<>""'«».,;:!?)\]}،؛؟])?(?![\w\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BareDomainPattern();

    // The keyword introduces an identity, file or passport number; only the number is replaced.
    [GeneratedRegex(@"(?:رقم\s*(?:ال)?(?:هوي[ةه]|هويتي|قومي|وطني|ملف|ملفي|جواز|سجل|سجلي|اقام[ةه]|إقام[ةه]|اقامتي|إقامتي|بطاق[ةه])|(?:ال)?رقم\s+(?:ال)?(?:قومي|وطني|مدني)|national\s+id|passport|ID\s*(?:no\.?|number)?)\s*[:#\-]?\s*(?<num>\d(?:[\s\-]?\d){5,19})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex KeywordIdPattern();

    [GeneratedRegex(@"(?<![\d.,/:+])(?:\+|[0٠۰]{2})\d{1,3}(?:[ \-.]?\(?\d{1,4}\)?){2,6}(?![\d/]|[.,:]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex InternationalPhonePattern();

    [GeneratedRegex(@"(?<![\d.,/:+\-])[0٠۰]\d{1,4}(?:[ \-]?\d{2,4}){1,4}(?![\d/]|[.,:\-]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LocalPhonePattern();

    [GeneratedRegex(@"(?<![\d.,/:+\-])[1-9١-٩۱-۹]\d{8,15}(?![\d/]|[.,:\-]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LongNumberPattern();

    /// <summary>Scrubs <paramref name="text"/> and counts the replacements per kind.</summary>
    public static PiiScrubResult Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int Length, PiiKind Kind)>();
        void Add(int start, int length, PiiKind kind)
        {
            foreach (var s in spans)
            {
                if (start < s.Start + s.Length && s.Start < start + length)
                {
                    return;
                }
            }

            spans.Add((start, length, kind));
        }

        foreach (Match m in EmailPattern().Matches(text))
        {
            Add(m.Index, m.Length, PiiKind.Email);
        }

        foreach (Match m in UrlNormalizer.UrlPattern().Matches(text))
        {
            Add(m.Index, m.Length, PiiKind.Url);
        }

        foreach (Match m in BareDomainPattern().Matches(text))
        {
            Add(m.Index, m.Length, PiiKind.Url);
        }

        foreach (var (start, length, kind) in NameDetector.Find(text))
        {
            Add(start, length, kind);
        }

        foreach (Match m in KeywordIdPattern().Matches(text))
        {
            var g = m.Groups["num"];
            Add(g.Index, g.Length, PiiKind.Id);
        }

        foreach (Match m in InternationalPhonePattern().Matches(text))
        {
            if (CountDigits(m.Value) is >= 9 and <= 15)
            {
                Add(m.Index, m.Length, PiiKind.Phone);
            }
        }

        foreach (Match m in LocalPhonePattern().Matches(text))
        {
            if (CountDigits(m.Value) is >= 9 and <= 12)
            {
                Add(m.Index, m.Length, PiiKind.Phone);
            }
        }

        foreach (Match m in LongNumberPattern().Matches(text))
        {
            Add(m.Index, m.Length, PiiKind.Id);
        }

        return Apply(text, spans);
    }

    private static int CountDigits(string s) => s.Count(char.IsDigit);

    private static PiiScrubResult Apply(string text, List<(int Start, int Length, PiiKind Kind)> spans)
    {
        var counts = new Dictionary<PiiKind, int>();
        if (spans.Count == 0)
        {
            return new PiiScrubResult(text, counts);
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, length, kind) in spans)
        {
            sb.Append(text, at, start - at).Append(PiiScrubResult.Placeholder(kind));
            at = start + length;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        sb.Append(text, at, text.Length - at);
        return new PiiScrubResult(sb.ToString(), counts);
    }
}
