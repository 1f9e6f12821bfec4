using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class Qwen35SplitTests
{
    private static string[] Words(string text) =>
        ByteLevelPreTokenizer.Default(new Dictionary<string, int>())
            .Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [Fact]
    public void Keeps_vowelled_words_whole_with_their_leading_space_or_symbol()
    {
        Assert.Equal(["المَرِيضُ", " يَشْكُو", "؟"], Words("المَرِيضُ يَشْكُو؟"));
        Assert.Equal(["«الطَّبِيبُ", "»"], Words("«الطَّبِيبُ»"));
    }

    [Fact]
    public void An_emoji_before_a_word_is_one_code_point_of_prefix_as_in_llama_cpp()
    {
        Assert.Equal(["🤒كحة", " 💊💊"], Words("🤒كحة 💊💊"));
    }

    [Fact]
    public void Digits_are_single_pre_tokens_in_both_scripts()
    {
        Assert.Equal(["١", "٤", "٠", "/", "9", "0", " mg"], Words("١٤٠/90 mg"));
    }

    [Fact]
    public void Contractions_either_case_and_newline_runs()
    {
        Assert.Equal(["it", "'S", " ok", "\n\n", "ok"], Words("it'S ok\n\nok"));
    }

    [Fact]
    public void Covers_the_text_with_specials_isolated()
    {
        var specials = new Dictionary<string, int> { ["<|user|>"] = 7 };
        var text = "<|user|>شو أعمل؟ 🤒\n";
        var spans = ByteLevelPreTokenizer.Default(specials).Split(text);
        Assert.Equal(7, spans[0].SpecialId);
        Assert.Equal(text, string.Concat(spans.Select(s => text.Substring(s.Start, s.Length))));
    }
}
