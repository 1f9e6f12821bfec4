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
    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w@.])(?:[a-z0-9\-]+\.)+(?:com|net|org|info|io|me|co|sa|eg|ae|jo|ma|dz|tn|iq|kw|qa|bh|om|lb|sy|ly|sd|ps|ye)(?:/[^\s<>""'«»,،]*[^\s<>""'«».,;:!?)\]}،؛؟])?(?![\w\-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BareDomainPattern();

    // The keyword introduces an identity, file or passport number; only the number is replaced.
    [GeneratedRegex(@"(?:رقم\s*(?:ال)?(?:هوي[ةه]|هويتي|قومي|وطني|ملف|ملفي|جواز|سجل|سجلي|اقام[ةه]|إقام[ةه]|اقامتي|إقامتي|بطاق[ةه])|(?:ال)?رقم\s+(?:ال)?(?:قومي|وطني|مدني)|national\s+id|passport|ID\s*(?:no\.?|number)?)\s*[:#\-]?\s*(?<num>\d(?:[\s\-]?\d){5,19})(?![\d/]|[.,:٫٬]\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex KeywordIdPattern();

    [GeneratedRegex(@"(?<![A-Za-z\d.,/:+٫٬])(?:\+|[0٠۰]{2})\d{1,3}(?:[ \-.]?\(?\d{1,4}\)?){2,6}(?![A-Za-z\d/]|[.,:٫٬]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex InternationalPhonePattern();

    [GeneratedRegex(@"(?<![A-Za-z\d.,/:+٫٬\-])[0٠۰]\d{1,4}(?:[ \-]?\d{2,4}){1,4}(?![A-Za-z\d/]|[.,:٫٬\-]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LocalPhonePattern();

    [GeneratedRegex(@"(?<![A-Za-z\d.,/:+٫٬\-])[1-9١-٩۱-۹]\d{8,15}(?![A-Za-z\d/]|[.,:٫٬\-]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LongNumberPattern();

    /// <summary>Scrubs <paramref name="text"/> and counts the replacements per kind.</summary>
    /// <remarks>
    /// Detectors run one after another on the text the previous ones produced, so a later detector
    /// sees <c>[URL]</c> rather than the link, exactly as it would when scrubbing the output again:
    /// scrubbing is idempotent.
    /// </remarks>
    public static PiiScrubResult Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<PiiKind, int>();
        text = Replace(text, EmailPattern().Matches(text).Select(m => (m.Index, m.Length, PiiKind.Email)), counts);
        text = Replace(
            text,
            UrlNormalizer.UrlPattern().Matches(text).Concat(BareDomainPattern().Matches(text)).Select(m => (m.Index, m.Length, PiiKind.Url)),
            counts);
        text = Replace(text, NameDetector.Find(text), counts);
        text = Replace(text, KeywordIdPattern().Matches(text).Select(m => (m.Groups["num"].Index, m.Groups["num"].Length, PiiKind.Id)), counts);
        text = Replace(
            text,
            InternationalPhonePattern().Matches(text).Select(m => Trim(m, minDigits: 9, maxDigits: 15))
                .Concat(LocalPhonePattern().Matches(text).Select(m => Trim(m, minDigits: 9, maxDigits: 12)))
                .Where(x => x.Length > 0)
                .Select(x => (x.Index, x.Length, PiiKind.Phone)),
            counts);
        text = Replace(text, LongNumberPattern().Matches(text).Select(m => (m.Index, m.Length, PiiKind.Id)), counts);
        return new PiiScrubResult(text, counts);
    }

    // Space-separated digit groups also separate a phone from the number after it ("… 4567 20 حبة"):
    // a trailing group of one or two digits is dropped while what remains is still a whole number,
    // and so is any group beyond the length limit. Length 0 means the match is not a phone.
    private static (int Index, int Length) Trim(Match m, int minDigits, int maxDigits)
    {
        var value = m.Value;
        for (var space = value.LastIndexOf(' '); space > 0; space = value.LastIndexOf(' '))
        {
            var tail = CountDigits(value[(space + 1)..]);
            var head = CountDigits(value[..space]);
            if (head < minDigits || (tail >= 3 && head + tail <= maxDigits))
            {
                break;
            }

            value = value[..space];
        }

        var digits = CountDigits(value);
        return digits >= minDigits && digits <= maxDigits ? (m.Index, value.Length) : (m.Index, 0);
    }

    private static string Replace(string text, IEnumerable<(int Start, int Length, PiiKind Kind)> found, Dictionary<PiiKind, int> counts)
    {
        var spans = found.OrderBy(s => s.Start).ThenByDescending(s => s.Length).ToList();
        if (spans.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, length, kind) in spans)
        {
            if (start < at)
            {
                continue; // overlaps a span already replaced
            }

            sb.Append(text, at, start - at).Append(PiiScrubResult.Placeholder(kind));
            at = start + length;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }

        sb.Append(text, at, text.Length - at);
        return sb.ToString();
    }

    private static int CountDigits(string s) => s.Count(char.IsDigit);
}
