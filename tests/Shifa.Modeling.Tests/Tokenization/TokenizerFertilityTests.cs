using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Tests.Tokenization;

public sealed class TokenizerFertilityTests
{
    [Fact]
    public void Counts_tokens_per_word()
    {
        var bytesOnly = new ByteLevelBpeTokenizer(BpeTrainer.Train([], new BpeTrainerOptions { VocabularySize = 256, SpecialTokens = [] }));

        // "طب" is 2 letters = 4 UTF-8 bytes; " ab" is 3 bytes; two words, seven byte tokens.
        var report = TokenizerFertility.Measure(bytesOnly, ["طب ab"]);

        Assert.Equal(2, report.Words);
        Assert.Equal(7, report.Tokens);
        Assert.Equal(3.5, report.TokensPerWord);
    }

    [Fact]
    public void A_trained_vocabulary_needs_far_fewer_tokens_per_arabic_word_than_bytes()
    {
        var corpus = ArabicCorpus.Repeated(20).ToArray();
        var bytesOnly = new ByteLevelBpeTokenizer(BpeTrainer.Train([], new BpeTrainerOptions { VocabularySize = 256, SpecialTokens = [] }));
        var trained = new ByteLevelBpeTokenizer(BpeTrainer.Train(corpus, new BpeTrainerOptions { VocabularySize = 800 }));

        var before = TokenizerFertility.Measure(bytesOnly, ArabicCorpus.Sentences);
        var after = TokenizerFertility.Measure(trained, ArabicCorpus.Sentences);

        Assert.True(before.TokensPerWord > 8, $"bytes: {before.TokensPerWord}");
        Assert.True(after.TokensPerWord < 1.6, $"trained: {after.TokensPerWord}");
    }
}
