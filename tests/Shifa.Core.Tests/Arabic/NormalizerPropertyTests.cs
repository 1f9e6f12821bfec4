using CsCheck;
using Shifa.Core.Arabic;

namespace Shifa.Core.Tests.Arabic;

public sealed class NormalizerPropertyTests
{
    // Pieces drawn from every class the normalizers touch, including the awkward combinations:
    // decomposed hamza/maddah, marks after removable characters, emoji sequences, URLs, controls.
    private static readonly string[] Pieces =
    [
        "ا", "أ", "إ", "آ", "ٱ", "ٲ", "ى", "ي", "ی", "ؤ", "ئ", "ء", "ة", "ه", "ک", "ك", "ە", "ھ", "م", "ل", "ب", "ن", "و", "ر", "د",
        "\u064B", "\u064C", "\u064D", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u0653", "\u0654", "\u0655", "\u0670", "\u0610", "\u06D6",
        "ـ", "٠", "٣", "٩", "۰", "۵", "٫", "٬", "٪", "0", "7", ".", ",", "،", "؛", "؟", "?", "!", "…", "«", "»", "“", "—", "⸮", "⹁", "۔",
        " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u2028",
        "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202B", "\u202C", "\u2067", "\u2069", "\uFEFF", "\u00AD", "\u061C", "\u0001",
        "😊", "👨‍👩‍👧", "🤒🏽", "❤️", "1️⃣", "\uFE0F", "\u20E3", "🇸🇦", "⭐",
        "https://altibbi.com/a?b=1", "www.x.org", "<url>", "http://", "MRI", "A", "e", "E", "\u0301", "K", "\u212A", "<", "\u0338",
        "\uFE8D", "\uFEA3", "\uFEFB", "\uFDF2", "\uFE76", "\uD83D", "\uDE00",
    ];

    internal static readonly Gen<string> Text = Gen.OneOf(Pieces).Array[0, 40].Select(string.Concat);

    [Fact]
    public void Matching_is_idempotent() =>
        Text.Sample(s =>
        {
            var once = ArabicNormalizer.ForMatching.Normalize(s);
            Assert.Equal(once, ArabicNormalizer.ForMatching.Normalize(once));
        }, iter: 5000);

    [Fact]
    public void Display_is_idempotent() =>
        Text.Sample(s =>
        {
            var once = ArabicNormalizer.ForDisplay.Normalize(s);
            Assert.Equal(once, ArabicNormalizer.ForDisplay.Normalize(once));
        }, iter: 5000);

    [Fact]
    public void Any_option_combination_is_idempotent()
    {
        var options = Gen.Select(Gen.Bool.Array[15], Gen.Int[0, 2], Gen.Int[0, 1], (b, url, emoji) => new ArabicNormalizerOptions
        {
            FoldPresentationForms = b[0], RemoveControlCharacters = b[1], RemoveTatweel = b[2], RemoveDiacritics = b[3], UnifyAlef = b[4],
            FoldAlefMaqsura = b[5], FoldHamzaCarriers = b[6], FoldTaMarbuta = b[7], FoldLetterVariants = b[8], AsciiDigits = b[9],
            NormalizePunctuation = b[10], LowercaseLatin = b[11], CollapseWhitespace = b[12], KeepLineBreaks = b[13], TightenPunctuationSpacing = b[14],
            Urls = (UrlHandling)url, Emoji = (EmojiHandling)emoji,
        });
        Gen.Select(options, Text).Sample((o, s) =>
        {
            var n = new ArabicNormalizer(o);
            var once = n.Normalize(s);
            Assert.Equal(once, n.Normalize(once));
        }, iter: 3000);
    }

    [Fact]
    public void Matching_output_has_no_diacritics_tatweel_controls_or_arabic_digits() =>
        Text.Sample(s =>
        {
            var m = ArabicNormalizer.ForMatching.Normalize(s);
            Assert.DoesNotContain(m, c => c is (>= '\u064B' and <= '\u065F') or '\u0670' or 'ـ' or (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9')
                or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or 'أ' or 'إ' or 'آ' or 'ى' or 'ة');
            Assert.DoesNotContain("  ", m, StringComparison.Ordinal);
            Assert.True(m.IsNormalized(System.Text.NormalizationForm.FormC));
        }, iter: 3000);

    [Fact]
    public void Display_output_has_tidy_whitespace() =>
        Text.Sample(s =>
        {
            var d = ArabicNormalizer.ForDisplay.Normalize(s);
            Assert.DoesNotContain("  ", d, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", d, StringComparison.Ordinal);
            Assert.DoesNotContain(" \n", d, StringComparison.Ordinal);
            Assert.DoesNotContain("\n ", d, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', d);
            Assert.Equal(d.Trim(), d);
        }, iter: 3000);
}
