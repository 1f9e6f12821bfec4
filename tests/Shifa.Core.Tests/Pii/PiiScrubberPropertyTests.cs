using CsCheck;
using Shifa.Core.Pii;

namespace Shifa.Core.Tests.Pii;

public sealed class PiiScrubberPropertyTests
{
    // Words and fragments that exercise every detector and the clinical numbers they must spare.
    private static readonly string[] Words =
    [
        "الدكتور", "الدكتورة", "د.", "د", "دكتور", "Dr.", "اسمي", "my", "name", "is", "محمد", "أحمد", "علي", "على", "فاطمة", "عبد", "الله",
        "السمهوري", "الزاهري", "قالي", "انا", "حامل", "تحياتي", "مع", "فيتامين", "صداع", "ضغط", "الدم", "150/90", "١٥٠/٩٠", "500", "ملغ",
        "٣٧٫٥", "0551234567", "٠٥٥١٢٣٤٥٦٧", "+966 55 123 4567", "1098765432", "رقم الهوية", "a@b.com", "https://x.com/a", "www.y.org",
        "altibbi.com", "،", "؛", "؟", ".", "-", "\n", "😊", "ـ", "[DOCTOR]", "[NAME]", "[PHONE]",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(Words).Array[0, 25].Select(ws => string.Join(' ', ws));

    [Fact]
    public void Scrubbing_is_idempotent_and_counts_match_placeholders() =>
        Text.Sample(s =>
        {
            var once = PiiScrubber.Scrub(s);
            var twice = PiiScrubber.Scrub(once.Text);
            Assert.Equal(once.Text, twice.Text);
            Assert.Empty(twice.Counts);
            foreach (var kind in Enum.GetValues<PiiKind>())
            {
                var placeholder = PiiScrubResult.Placeholder(kind);
                var added = Occurrences(once.Text, placeholder) - Occurrences(s, placeholder);
                Assert.Equal(once.Counts.GetValueOrDefault(kind), added);
            }
        }, iter: 2000);

    [Fact]
    public void Clinical_numbers_survive_any_context() =>
        Text.Sample(s =>
        {
            var scrubbed = PiiScrubber.Scrub(s).Text;
            foreach (var value in new[] { "150/90", "١٥٠/٩٠", "٣٧٫٥" })
            {
                Assert.Equal(Occurrences(s, value), Occurrences(scrubbed, value));
            }
        }, iter: 2000);

    private static int Occurrences(string text, string value)
    {
        var n = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
