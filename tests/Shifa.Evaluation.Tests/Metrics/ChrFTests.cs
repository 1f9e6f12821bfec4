using Shifa.Evaluation.Metrics;
using Shifa.Evaluation.Metrics.ChrF;

namespace Shifa.Evaluation.Tests.Metrics;

public class ChrFTests
{
    // Expected values from sacrebleu's own test suite, test/test_chrf.py (mjpost/sacrebleu, v2.x):
    // `test_cases` (beta 3, eps smoothing), `test_cases_effective_order` (beta 3, effective order),
    // `test_cases_keep_whitespace` and `test_sentence_level_chrf`; tolerance there is 1e-4.
    public static TheoryData<string[], string[], double> EpsSmoothingCases => new()
    {
        { ["abcdefg"], ["hijklmnop"], 0.0 },
        { ["a"], ["b"], 0.0 },
        { [""], ["b"], 0.0 },
        { [""], ["ref"], 0.0 },
        { [""], ["reference"], 0.0 },
        { ["aa"], ["ab"], 8.3333 },
        { ["a", "b"], ["a", "c"], 8.3333 },
        { ["a"], ["a"], 16.6667 },
        { ["a b c"], ["a b c"], 50.0 },
        { ["a b c"], ["abc"], 50.0 },
        {
            [" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."],
            ["risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."], 63.361730
        },
        {
            [" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "],
            ["Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."], 64.1302698
        },
        { ["Niemand hat die Absicht, eine Mauer zu errichten"], ["Niemand hat die Absicht, eine Mauer zu errichten"], 100.0 },
    };

    public static TheoryData<string[], string[], double> EffectiveOrderCases => new()
    {
        { ["a"], ["a"], 100.0 },
        { [""], ["reference"], 0.0 },
        { ["a b c"], ["a b c"], 100.0 },
        { ["a b c"], ["abc"], 100.0 },
        { [""], ["c"], 0.0 },
        { ["a", "b"], ["a", "c"], 50.0 },
        { ["aa"], ["ab"], 25.0 },
    };

    [Theory]
    [MemberData(nameof(EpsSmoothingCases))]
    public void Corpus_with_eps_smoothing_matches_sacrebleu_tests(string[] hyps, string[] refs, double expected)
    {
        var metric = new ChrF(new ChrFOptions { Beta = 3, EpsSmoothing = true });
        var score = metric.Corpus(hyps, refs.Select(r => (IReadOnlyList<string>)[r]).ToList()).Score;
        Assert.Equal(expected, score, 1e-4);
    }

    [Theory]
    [MemberData(nameof(EffectiveOrderCases))]
    public void Corpus_with_effective_order_matches_sacrebleu_tests(string[] hyps, string[] refs, double expected)
    {
        var metric = new ChrF(new ChrFOptions { Beta = 3 });
        var score = metric.Corpus(hyps, refs.Select(r => (IReadOnlyList<string>)[r]).ToList()).Score;
        Assert.Equal(expected, score, 1e-4);
    }

    [Theory]
    [InlineData("Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.", "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.", 67.3481606)]
    [InlineData("risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists .", "risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists .", 65.2414427)]
    public void Keeping_whitespace_matches_sacrebleu_tests(string hyp, string reference, double expected)
    {
        var metric = new ChrF(new ChrFOptions { Beta = 3, Whitespace = true });
        Assert.Equal(expected, metric.Corpus([hyp], [[reference]]).Score, 1e-4);
    }

    [Theory]
    [InlineData("Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.", "Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře.", 39.14078509)]
    [InlineData("Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.", "A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři.", 31.22557079)]
    [InlineData("Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.", "Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli.", 57.15704367)]
    public void Sentence_level_matches_sacrebleu_tests(string hyp, string reference, double expected)
    {
        var metric = new ChrF(new ChrFOptions { EpsSmoothing = true });
        Assert.Equal(expected, metric.Sentence(hyp, [reference]).Score, 1e-4);
    }

    // Arabic expectations were produced by running sacrebleu 2.6.0's CHRF on the same strings;
    // they pin code-point handling (emoji), Arabic punctuation and chrF++ word n-grams.
    [Fact]
    public void Arabic_scores_match_sacrebleu_and_are_sensible()
    {
        var chrf = new ChrF();
        var s = chrf.Sentence(ArabicSamples.Hypothesis, [ArabicSamples.Reference]).Score;
        Assert.Equal(29.501434898882252, s, 1e-9);
        Assert.Equal(25.698281601209093, new ChrF(ChrFOptions.ChrFPlusPlus).Sentence(ArabicSamples.Hypothesis, [ArabicSamples.Reference]).Score, 1e-9);
        Assert.Equal(29.501434898882252, chrf.Sentence(ArabicSamples.Hypothesis, [ArabicSamples.OtherReference, ArabicSamples.Reference]).Score, 1e-9);
        var corpus = chrf.Corpus(
            [ArabicSamples.Hypothesis, ArabicSamples.ShortHypothesis],
            [[ArabicSamples.Reference], [ArabicSamples.ShortReference]]);
        Assert.Equal(28.077318896731633, corpus.Score, 1e-9);
        Assert.Equal(100.0, chrf.Sentence(ArabicSamples.Reference, [ArabicSamples.Reference]).Score, 1e-9);
    }

    [Fact]
    public void Normalizer_raises_the_score_when_only_diacritics_and_alef_forms_differ()
    {
        const string hyp = "أُصيبَ المريـــضُ بالإنفلونزا";
        const string reference = "اصيب المريض بالانفلونزا";
        var plain = new ChrF().Sentence(hyp, [reference]);
        var folded = new ChrF(new ChrFOptions { Normalizer = new MetricNormalizer("test-fold", ArabicSamples.FoldForTest) }).Sentence(hyp, [reference]);
        Assert.True(plain.Score < 100);
        Assert.Equal(100.0, folded.Score, 1e-9);
        Assert.Contains("norm:test-fold", folded.Signature, StringComparison.Ordinal);
        Assert.Contains("norm:none", plain.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_with_counts_in_the_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChrF().Corpus(["a", "b"], [["a"]]));
        Assert.Contains("2 hypotheses and 1", ex.Message, StringComparison.Ordinal);
    }
}
