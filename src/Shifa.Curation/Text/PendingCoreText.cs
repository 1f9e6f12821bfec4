// Stand-in for Core's Arabic text API until it is merged; removed at the merge.
using System.Text;

namespace Shifa.Core.Arabic
{
    internal sealed class ArabicNormalizer
    {
        public static ArabicNormalizer ForMatching { get; } = new();

        public string Normalize(string text)
        {
            var sb = new StringBuilder(text.Length);
            var space = false;
            foreach (var ch in text)
            {
                if (ch is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640')
                {
                    continue;
                }

                var c = ch switch
                {
                    'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                    'ى' => 'ي',
                    'ة' => 'ه',
                    'ؤ' => 'و',
                    'ئ' => 'ي',
                    >= '\u0660' and <= '\u0669' => (char)('0' + (ch - '\u0660')),
                    _ => char.ToLowerInvariant(ch),
                };
                if (char.IsWhiteSpace(c))
                {
                    space = sb.Length > 0;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }

            return sb.ToString();
        }
    }

    internal static class ArabicScript
    {
        public static double Ratio(string text)
        {
            int letters = 0, arabic = 0;
            foreach (var c in text)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    if (c is >= '\u0600' and <= '\u06FF')
                    {
                        arabic++;
                    }
                }
            }

            return letters == 0 ? 0 : (double)arabic / letters;
        }
    }
}

namespace Shifa.Core.Pii
{
    internal enum PiiKind
    {
        Email,
        Phone,
    }

    internal sealed record PiiScrubResult(string Text, IReadOnlyDictionary<PiiKind, int> Counts);

    internal static class PiiScrubber
    {
        public static PiiScrubResult Scrub(string text)
        {
            var counts = new Dictionary<PiiKind, int>();
            if (text.Contains('@'))
            {
                counts[PiiKind.Email] = 1;
                text = System.Text.RegularExpressions.Regex.Replace(text, @"\S+@\S+", "[email]");
            }

            var digits = 0;
            foreach (var c in text)
            {
                digits = char.IsDigit(c) ? digits + 1 : (c is ' ' or '-' ? digits : 0);
                if (digits >= 9)
                {
                    counts[PiiKind.Phone] = 1;
                    text = System.Text.RegularExpressions.Regex.Replace(text, @"\d{9,}", "[phone]");
                    break;
                }
            }

            return new PiiScrubResult(text, counts);
        }
    }
}
