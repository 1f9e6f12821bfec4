using CsCheck;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class BpeTrainerTests
{
    private static readonly Lazy<ByteLevelBpeModel> Trained = new(() =>
        BpeTrainer.Train(ArabicCorpus.Repeated(20), new BpeTrainerOptions { VocabularySize = 600 }));

    [Fact]
    public void Learns_the_classic_example_in_three_merges()
    {
        // Wikipedia's/minbpe's "aaabdaaabac": after aa, ab and (aa)(ab) it encodes as X d X a c.
        var model = BpeTrainer.Train(["aaabdaaabac"], new BpeTrainerOptions { VocabularySize = 259, SpecialTokens = [], MinPairFrequency = 1 });
        var tokenizer = new ByteLevelBpeTokenizer(model);

        Assert.Equal(3, model.Merges.Count);
        Assert.Equal([258, 'd', 258, 'a', 'c'], tokenizer.Encode("aaabdaaabac"));
        Assert.Equal("aaab", model.Vocabulary.Single(kv => kv.Value == 258).Key);
    }

    [Fact]
    public void Frequent_arabic_words_become_single_tokens_with_their_leading_space()
    {
        var tokenizer = new ByteLevelBpeTokenizer(Trained.Value);

        var ids = tokenizer.Encode(" الطبيب");

        Assert.Single(ids);
        Assert.Equal(600, Trained.Value.VocabularySize);
    }

    [Fact]
    public void Special_tokens_encode_to_one_id_and_are_never_learnt_as_merges()
    {
        var model = BpeTrainer.Train(
            ArabicCorpus.Repeated(5).Select(s => s + SpecialTokenNames.EndOfText),
            new BpeTrainerOptions { VocabularySize = 400 });
        var tokenizer = new ByteLevelBpeTokenizer(model);

        var ids = tokenizer.Encode($"{SpecialTokenNames.User}سؤال{SpecialTokenNames.EndOfTurn}{SpecialTokenNames.EndOfText}");

        Assert.Equal(model.SpecialTokens[SpecialTokenNames.User], ids[0]);
        Assert.Equal(model.SpecialTokens[SpecialTokenNames.EndOfTurn], ids[^2]);
        Assert.Equal(model.SpecialTokens[SpecialTokenNames.EndOfText], ids[^1]);
        Assert.DoesNotContain(model.Merges, m => (m.Left + m.Right).Contains("endoftext", StringComparison.Ordinal));
        Assert.Equal(model.VocabularySize - SpecialTokenNames.All.Count, model.SpecialTokens.Values.Min());
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var again = BpeTrainer.Train(ArabicCorpus.Repeated(20).Reverse(), new BpeTrainerOptions { VocabularySize = 600 });

        Assert.Equal(Trained.Value.Merges, again.Merges);
    }

    [Fact]
    public void Stops_when_no_pair_is_frequent_enough()
    {
        var model = BpeTrainer.Train(["ab ab cd"], new BpeTrainerOptions { VocabularySize = 1000, SpecialTokens = [] });

        // Words "ab", " ab", " cd": only the pair (a, b) occurs twice.
        Assert.Equal([("a", "b")], model.Merges);
        Assert.Equal(257, model.VocabularySize);
    }

    [Fact]
    public void Round_trips_arbitrary_arabic_latin_and_emoji_text_exactly()
    {
        var tokenizer = new ByteLevelBpeTokenizer(Trained.Value);

        TextGenerators.MixedText.Sample(text => tokenizer.Decode(tokenizer.Encode(text)) == text, iter: 2000);
    }

    [Fact]
    public void Incremental_pair_counts_learn_the_same_merges_as_a_full_recount()
    {
        var corpus = ArabicCorpus.Repeated(2).ToList();

        var fast = BpeTrainer.Train(corpus, new BpeTrainerOptions { VocabularySize = 256 + 120, SpecialTokens = [] });
        var naive = NaiveBpeReference.Merges(corpus, fast.Merges.Count, minFrequency: 2);

        Assert.True(fast.Merges.Count > 100);
        Assert.Equal(naive, fast.Merges);
    }

    [Fact]
    public void Incremental_counts_match_a_full_recount_on_random_text()
    {
        TextGenerators.MixedText.Array[1, 12].Sample(texts =>
        {
            var fast = BpeTrainer.Train(texts, new BpeTrainerOptions { VocabularySize = 256 + 30, SpecialTokens = [], MinPairFrequency = 1 });
            return NaiveBpeReference.Merges(texts, 30, minFrequency: 1).SequenceEqual(fast.Merges);
        }, iter: 200);
    }

    [Fact]
    public void Rejects_options_that_cannot_hold_the_byte_alphabet()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BpeTrainerOptions { VocabularySize = 100 });
        Assert.Contains("256", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BpeTrainer.Train(["x"], new BpeTrainerOptions { VocabularySize = 260 }));
    }
}
