using Shifa.Evaluation.Metrics.Bleu;

namespace Shifa.Evaluation.Tests.Metrics;

public class BleuTests
{
    // Reference sentences and scores from sacrebleu's test/test_bleu.py (`_hyps`, `_refs`,
    // `test_corpus_bleu_cases`, `test_bleu_max_order`, `test_case_scoring`) and
    // test/test_sentence_bleu.py (`REF`, `SYS`, `test_cases`).
    private static readonly string[] Hyps = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

    private static readonly IReadOnlyList<IReadOnlyList<string>> Refs =
    [
        ["The dog bit the man.", "The dog had bit the man."],
        ["It was not unexpected.", "No one was surprised."],
        ["The man bit him first.", "The man had bitten the dog."],
    ];

    private const string SentenceRef = "producţia de zahăr brut se exprimă în zahăr alb;";
    private const string SentenceSys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

    [Theory]
    [InlineData(BleuTokenization.Mteval13a, BleuSmoothing.Exp, 48.530827)]
    [InlineData(BleuTokenization.None, BleuSmoothing.Exp, 49.1919566)]
    [InlineData(BleuTokenization.International, BleuSmoothing.Exp, 43.91623493)]
    [InlineData(BleuTokenization.Mteval13a, BleuSmoothing.None, 48.530827)]
    public void Corpus_bleu_matches_sacrebleu_tests(BleuTokenization tok, BleuSmoothing smoothing, double expected)
    {
        var bleu = new Bleu(new BleuOptions { Tokenization = tok, Smoothing = smoothing });
        Assert.Equal(expected, bleu.Corpus(Hyps, Refs).Score, 1e-6);
    }

    [Fact]
    public void Empty_hypotheses_score_zero_and_are_kept()
    {
        var score = new Bleu().Corpus(["", "", ""], Refs);
        Assert.Equal(0.0, score.Score);
        Assert.Equal(0, score.HypothesisLength);
        Assert.True(score.ReferenceLength > 0);
    }

    [Theory]
    [InlineData(1, "77.65")]
    [InlineData(2, "60.50")]
    [InlineData(3, "53.93")]
    [InlineData(4, "48.53")]
    [InlineData(5, "46.14")]
    [InlineData(6, "43.28")]
    public void Max_order_matches_sacrebleu_tests(int order, string expected)
    {
        var score = new Bleu(new BleuOptions { MaxOrder = order }).Corpus(Hyps, Refs).Score;
        Assert.Equal(expected, score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Scoring_from_statistics_matches_sacrebleu_tests()
    {
        var score = new Bleu(new BleuOptions { Smoothing = BleuSmoothing.None }).Compute([9, 7, 5, 3], [10, 8, 6, 4], 11, 11);
        Assert.Equal(0.8375922397, score.Score / 100, 1e-8);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exp, null, false, BleuTokenization.Mteval13a, 8.493)]
    [InlineData(BleuSmoothing.None, null, false, BleuTokenization.Mteval13a, 0.0)]
    [InlineData(BleuSmoothing.Floor, null, false, BleuTokenization.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.1, false, BleuTokenization.Mteval13a, 4.51688)]
    [InlineData(BleuSmoothing.Floor, 0.5, false, BleuTokenization.Mteval13a, 10.10)]
    [InlineData(BleuSmoothing.AddK, null, false, BleuTokenization.Mteval13a, 14.882)]
    [InlineData(BleuSmoothing.AddK, 1.0, false, BleuTokenization.Mteval13a, 14.882)]
    [InlineData(BleuSmoothing.AddK, 2.0, false, BleuTokenization.Mteval13a, 21.389)]
    [InlineData(BleuSmoothing.Exp, null, false, BleuTokenization.None, 7.347)]
    [InlineData(BleuSmoothing.Exp, null, false, BleuTokenization.International, 8.493)]
    [InlineData(BleuSmoothing.Exp, null, false, BleuTokenization.Character, 40.8759)]
    [InlineData(BleuSmoothing.Exp, null, true, BleuTokenization.Character, 42.0267)]
    public void Sentence_bleu_smoothing_matches_sacrebleu_tests(BleuSmoothing smoothing, double? value, bool lowercase, BleuTokenization tok, double expected)
    {
        var bleu = new Bleu(new BleuOptions { Smoothing = smoothing, SmoothValue = value, Lowercase = lowercase, Tokenization = tok, EffectiveOrder = true });
        Assert.Equal(expected, bleu.Sentence(SentenceSys, [SentenceRef]).Score, 1e-3);
    }

    [Theory]
    [InlineData(BleuSmoothing.Exp)]
    [InlineData(BleuSmoothing.None)]
    [InlineData(BleuSmoothing.Floor)]
    [InlineData(BleuSmoothing.AddK)]
    public void No_match_is_zero_for_every_smoothing(BleuSmoothing smoothing)
    {
        var bleu = new Bleu(new BleuOptions { Smoothing = smoothing, EffectiveOrder = true });
        Assert.Equal(0.0, bleu.Sentence("this is a cat", ["okay thanks"]).Score);
    }

    // Expected values from running sacrebleu 2.6.0 on the same Arabic strings (13a and char).
    [Fact]
    public void Arabic_bleu_matches_sacrebleu_and_is_non_zero()
    {
        var sentence = new Bleu(BleuOptions.SentenceLevel).Sentence(ArabicSamples.Hypothesis, [ArabicSamples.Reference]);
        Assert.Equal(4.016138436407654, sentence.Score, 1e-9);
        var corpus = new Bleu().Corpus(
            [ArabicSamples.Hypothesis, ArabicSamples.ShortHypothesis],
            [[ArabicSamples.Reference], [ArabicSamples.ShortReference]]);
        Assert.Equal(3.6182698209652324, corpus.Score, 1e-9);
        var chars = new Bleu(BleuOptions.SentenceLevel with { Tokenization = BleuTokenization.Character }).Sentence(ArabicSamples.Hypothesis, [ArabicSamples.Reference]);
        Assert.Equal(35.99618306778397, chars.Score, 1e-9);
    }

    [Fact]
    public void International_tokenizer_splits_arabic_punctuation_and_emoji()
    {
        Assert.Equal("أيام ، هل ECG ؟ 😟", BleuTokenizer.Tokenize("أيام، هل ECG؟ 😟", BleuTokenization.International));
        // Decimal separators between digits stay inside the number, Arabic-Indic digits included.
        Assert.Equal("٣.٥ ملغ", BleuTokenizer.Tokenize("٣.٥ ملغ", BleuTokenization.International));
        // 13a only knows ASCII punctuation: Arabic question mark stays on the word.
        Assert.Equal("ECG؟", BleuTokenizer.Tokenize("ECG؟", BleuTokenization.Mteval13a));
    }

    [Fact]
    public void International_tokenizer_gives_more_matches_than_13a_on_arabic_punctuation()
    {
        const string hyp = "هل هذا خطير؟";
        const string reference = "هل هذا خطير ؟";
        var m13a = new Bleu(BleuOptions.SentenceLevel).Sentence(hyp, [reference]).Score;
        var intl = new Bleu(BleuOptions.SentenceLevel with { Tokenization = BleuTokenization.International }).Sentence(hyp, [reference]).Score;
        Assert.Equal(100.0, intl, 1e-9);
        Assert.True(m13a < intl);
    }
}
