using Shifa.Core.Arabic;
using Shifa.Core.Arabic.Normalization;

namespace Shifa.Core.Tests.Arabic;

public sealed class ArabicNormalizerTests
{
    private static string M(string s) => ArabicNormalizer.ForMatching.Normalize(s);

    private static string D(string s) => ArabicNormalizer.ForDisplay.Normalize(s);

    [Theory]
    [InlineData("مَرْحَبًا", "مرحبا")] // fatha, sukun, tanwin fath
    [InlineData("شُكْرٌ", "شكر")] // damma, tanwin damm
    [InlineData("مُسْتَشْفًى", "مستشفي")] // tanwin + alef maqsura
    [InlineData("الطِّبّ", "الطب")] // kasra, shadda
    [InlineData("هٰذا", "هذا")] // superscript alef
    [InlineData("رَحْمَٰنِ", "رحمن")]
    [InlineData("دِّ", "د")] // shadda + kasra stacked
    public void Strips_tashkeel_including_superscript_alef(string input, string expected) => Assert.Equal(expected, M(input));

    [Theory]
    [InlineData("ألـــــم", "الم")]
    [InlineData("صـداع", "صداع")]
    public void Removes_tatweel(string input, string expected) => Assert.Equal(expected, M(input));

    [Theory]
    [InlineData("أحمد إبراهيم آلام ٱلحمد", "احمد ابراهيم الام الحمد")]
    [InlineData("\u0627\u0654\u0644\u0645", "الم")] // decomposed alef + hamza above
    [InlineData("\u0627\u0653\u0644\u0627\u0645", "الام")] // decomposed alef + maddah
    public void Unifies_alef_forms(string input, string expected) => Assert.Equal(expected, M(input));

    [Theory]
    [InlineData("مستشفى على", "مستشفي علي")]
    [InlineData("سؤال مسؤول", "سوال مسوول")]
    [InlineData("بئر رئة", "بير ريه")]
    [InlineData("الدورة الشهرية", "الدوره الشهريه")]
    [InlineData("کیف", "كيف")] // Persian kaf and yeh
    public void Folds_letter_variants(string input, string expected) => Assert.Equal(expected, M(input));

    [Fact]
    public void Ta_marbuta_folding_is_optional()
    {
        var keep = new ArabicNormalizer(ArabicNormalizer.ForMatching.Options with { FoldTaMarbuta = false });
        Assert.Equal("الدورة", keep.Normalize("الدورة"));
        Assert.Equal("الدوره", M("الدورة"));
    }

    [Theory]
    [InlineData("الضغط ١٥٠/٩٠", "الضغط 150/90")]
    [InlineData("حرارة ۳۸٫۵", "حراره 38.5")] // Persian digits, Arabic decimal separator
    [InlineData("٥٠٠ ملغ", "500 ملغ")]
    [InlineData("١٠٠٪", "100%")]
    public void Maps_arabic_indic_and_persian_digits(string input, string expected) => Assert.Equal(expected, M(input));

    [Theory]
    [InlineData("هل هذا طبيعي؟؟؟", "هل هذا طبيعي؟")]
    [InlineData("أولاً، ثانياً؛ ثالثاً", "اولا، ثانيا؛ ثالثا")]
    [InlineData("قال «لا» — انتهى…", "قال \"لا\" - انتهي.")]
    [InlineData("لماذا⸮", "لماذا؟")]
    [InlineData("شكرا!!!", "شكرا!")]
    public void Keeps_arabic_punctuation_but_normalises_variants(string input, string expected) => Assert.Equal(expected, M(input));

    [Theory]
    [InlineData("صداع\u200Fشديد", "صداعشديد")] // RLM inside a word
    [InlineData("\u202Bصداع\u202C شديد", "صداع شديد")] // bidi embedding
    [InlineData("\uFEFFالم", "الم")] // BOM
    [InlineData("صد\u200Bاع", "صداع")] // zero-width space
    [InlineData("\u2067ألم\u2069", "الم")] // isolates
    public void Removes_zero_width_and_bidi_controls(string input, string expected) => Assert.Equal(expected, M(input));

    [Theory]
    [InlineData("  صداع \t\n\n  شديد\u00A0جدا  ", "صداع شديد جدا")]
    [InlineData("a\u2003b", "a b")]
    public void Collapses_whitespace_for_matching(string input, string expected) => Assert.Equal(expected, M(input));

    [Fact]
    public void Replaces_urls_with_a_placeholder_for_matching()
    {
        Assert.Equal("شوف <url> للمزيد.", M("شوف https://www.altibbi.com/مقالات/صداع?id=5 للمزيد ."));
        Assert.Equal("<url>، شكرا", M("www.example.com، شكرا"));
    }

    [Fact]
    public void Removes_emoji_without_merging_words()
    {
        Assert.Equal("كويس جدا", M("كويس😊جدا"));
        Assert.Equal("الم في البطن", M("ألم 👨‍👩‍👧 في 🤒🏽 البطن ❤️"));
        Assert.Equal("1 رقم", M("1️⃣ رقم")); // keycap keeps its base digit
    }

    [Fact]
    public void Lowercases_ascii_only_and_keeps_mixed_script_words_apart()
    {
        Assert.Equal("عملت mri للركبه و tsh عالي", M("عملت MRI للركبة و TSH عالي"));
    }

    [Fact]
    public void Folds_presentation_forms()
    {
        Assert.Equal("احمد", M("\uFE8D\uFEA3\uFEE4\uFEAA")); // ﺍﺣﻤﺪ
        Assert.Equal("لا", M("\uFEFB"));
    }

    [Fact]
    public void Matching_makes_dialect_spellings_of_the_same_question_equal()
    {
        Assert.Equal(M("هَلْ الدَّوْرَةُ مُتَأَخِّرَةٌ؟"), M("هل الدوره متأخره ؟؟"));
        Assert.Equal(M("إزاي أعرف إن عندي أنيميا؟"), M("ازاي  اعرف ان عندي انيميا ؟"));
        Assert.Equal("نعم، لا", M("نعم ، لا"));
    }

    [Fact]
    public void Display_only_removes_invisible_noise()
    {
        var input = "هَلْ  ضـــغط\u200F الدم ١٥٠/٩٠ مرتفع؟ 👨‍👩‍👧\r\n\r\n\r\nراجع https://x.org";
        Assert.Equal("هَلْ ضغط الدم ١٥٠/٩٠ مرتفع؟ 👨‍👩‍👧\n\nراجع https://x.org", D(input));
    }

    [Fact]
    public void Display_composes_to_nfc()
    {
        Assert.Equal("\u0623", D("\u0627\u0654"));
        Assert.Equal("é", D("e\u0301"));
    }

    [Fact]
    public void Each_step_is_a_single_concern_normalizer()
    {
        Assert.Contains(ArabicNormalizer.ForMatching.Steps, s => s is DiacriticsNormalizer);
        Assert.DoesNotContain(ArabicNormalizer.ForDisplay.Steps, s => s is DiacriticsNormalizer or AlefNormalizer or DigitNormalizer);
        Assert.Equal("ا", AlefNormalizer.Instance.Normalize("أ"));
        Assert.Equal("مرحبا", DiacriticsNormalizer.Instance.Normalize("مَرْحَبًا"));
    }

    [Fact]
    public void Unchanged_text_is_returned_without_copying()
    {
        const string s = "صداع شديد";
        Assert.Same(s, ArabicNormalizer.ForMatching.Normalize(s));
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        Assert.Equal("ا\uFFFDب", M("أ\uD83Dب"));
    }

    [Fact]
    public void Invalid_enum_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArabicNormalizerOptions { Urls = (UrlHandling)42 });
    }
}
