using Shifa.Core.Arabic;

namespace Shifa.Core.Tests.Arabic;

public sealed class ArabicWordTokenizerTests
{
    private static string[] Words(string text) => [.. ArabicWordTokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length))];

    [Fact]
    public void Returns_offsets_into_the_original_string()
    {
        const string text = "  هَلْ الضـــغط ١٥٠/٩٠ مرتفع؟";
        var spans = ArabicWordTokenizer.Tokenize(text);
        Assert.Equal([(2, 4), (7, 8), (16, 6), (23, 5)], spans);
        Assert.Equal(["هَلْ", "الضـــغط", "١٥٠/٩٠", "مرتفع"], Words(text));
    }

    [Fact]
    public void Arabic_punctuation_separates_words()
    {
        Assert.Equal(["أولاً", "ثانياً", "ثالثاً", "لماذا"], Words("أولاً،ثانياً؛ ثالثاً؟لماذا"));
        var kinds = ArabicWordTokenizer.TokenizeWithKinds("نعم، لا؛ ربما؟");
        Assert.Equal(
            [WordTokenKind.ArabicWord, WordTokenKind.Punctuation, WordTokenKind.ArabicWord, WordTokenKind.Punctuation, WordTokenKind.ArabicWord, WordTokenKind.Punctuation],
            kinds.Select(k => k.Kind));
    }

    [Fact]
    public void Script_changes_split_words_and_latin_keeps_digits()
    {
        Assert.Equal(["بالـ", "MRI", "و", "B12"], Words("بالـMRI وB12"));
        Assert.Equal(["فيتامين", "د", "500", "ملغ", "mg"], Words("فيتامين د 500ملغ mg"));
    }

    [Fact]
    public void Numbers_keep_inner_separators()
    {
        Assert.Equal(["150/90", "٣٧٫٥", "10:30", "1.5", "۱۲"], Words("150/90, ٣٧٫٥ 10:30 1.5. ۱۲"));
        Assert.All(ArabicWordTokenizer.TokenizeWithKinds("١٥٠ 90").Where(t => t.IsWordLike), t => Assert.Equal(WordTokenKind.Number, t.Kind));
    }

    [Fact]
    public void Emoji_sequences_are_single_tokens()
    {
        const string text = "تعبان😷جدا 👨‍👩‍👧 👍🏽👍";
        var tokens = ArabicWordTokenizer.TokenizeWithKinds(text);
        Assert.Equal(["تعبان", "😷", "جدا", "👨‍👩‍👧", "👍🏽", "👍"], tokens.Select(t => t.TextOf(text)));
        Assert.Equal(4, tokens.Count(t => t.Kind == WordTokenKind.Emoji));
        Assert.Equal(2, ArabicWordTokenizer.CountWords(text));
        Assert.Equal(["من", "🇸🇦", "🇪🇬", "1️⃣"], Words("من🇸🇦🇪🇬 1️⃣"));
    }

    [Fact]
    public void Dialect_spellings_and_zero_width_joiners_stay_in_one_word()
    {
        Assert.Equal(["عايزة", "اعرف", "ايه", "اللي", "بيوجعني"], Words("عايزة اعرف ايه اللي بيوجعني"));
        Assert.Equal(["می\u200Cخواهم"], Words("می\u200Cخواهم"));
        Assert.Equal(["صداع", "شديد"], Words("صداع\u200F شديد"));
    }

    [Fact]
    public void Empty_and_whitespace_give_no_tokens()
    {
        Assert.Empty(ArabicWordTokenizer.Tokenize(""));
        Assert.Empty(ArabicWordTokenizer.Tokenize(" \n\t\u200F"));
    }
}
