using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class ByteLevelPreTokenizerTests
{
    private static string[] Words(string text, IReadOnlyDictionary<string, int>? specials = null) =>
        ByteLevelPreTokenizer.Shifa(specials ?? new Dictionary<string, int>())
            .Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [Fact]
    public void Keeps_vowelled_arabic_words_whole()
    {
        Assert.Equal(["المَرِيضُ", " يَشْكُو", "؟"], Words("المَرِيضُ يَشْكُو؟"));
    }

    [Fact]
    public void Keeps_tatweel_inside_the_word_and_splits_digits_and_punctuation()
    {
        Assert.Equal(["الضغـــط", " ١٤٠", "/", "٩٠", "،", " 500", "mg", " 🤒"], Words("الضغـــط ١٤٠/٩٠، 500mg 🤒"));
    }

    [Fact]
    public void Gpt2_pattern_would_cut_a_vowelled_word_at_each_mark()
    {
        var gpt2 = new ByteLevelPreTokenizer(ByteLevelPreTokenizer.Gpt2Regex(), new Dictionary<string, int>());

        Assert.True(gpt2.Split("المَرِيضُ").Count > 1);
    }

    [Fact]
    public void Isolates_special_tokens_and_covers_the_whole_text()
    {
        var specials = new Dictionary<string, int> { ["<|user|>"] = 7, ["<|end|>"] = 8 };
        var text = "<|user|>شو أعمل؟<|end|>\n";

        var spans = ByteLevelPreTokenizer.Shifa(specials).Split(text);

        Assert.Equal(7, spans[0].SpecialId);
        Assert.Contains(spans, s => s.SpecialId == 8);
        Assert.Equal(text.Length, spans.Sum(s => s.Length));
        Assert.Equal(text, string.Concat(spans.Select(s => text.Substring(s.Start, s.Length))));
    }
}
