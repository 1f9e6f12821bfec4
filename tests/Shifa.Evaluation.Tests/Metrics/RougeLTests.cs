using Shifa.Evaluation.Metrics;
using Shifa.Evaluation.Metrics.Rouge;

namespace Shifa.Evaluation.Tests.Metrics;

public class RougeLTests
{
    private static readonly RougeL Latin = new(new RougeLOptions { Tokenization = RougeTokenization.LatinOnly });

    // google-research/rouge rouge_scorer_test.py: testRougeLConsecutive / testRougeLNonConsecutive / testRougeEmpty.
    [Theory]
    [InlineData("testing one two", "testing one", 1.0, 2.0 / 3, 4.0 / 5)]
    [InlineData("testing one two", "testing two", 1.0, 2.0 / 3, 4.0 / 5)]
    [InlineData("testing one two", "", 0.0, 0.0, 0.0)]
    public void Matches_rouge_score_unit_tests(string target, string prediction, double p, double r, double f)
    {
        var s = Latin.Sentence(prediction, [target]);
        Assert.Equal(p, s.Precision, 1e-9);
        Assert.Equal(r, s.Recall, 1e-9);
        Assert.Equal(f, s.FMeasure, 1e-9);
    }

    // rouge_scorer_test.py testRougeLAgainstRouge155: first line of testdata/target.txt and
    // testdata/prediction.txt, expected R 0.40741, P 0.68750, F 0.51163 (5 places) from ROUGE-1.5.5.
    [Fact]
    public void Matches_rouge_155_on_rouge_score_testdata()
    {
        const string target = "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L\n";
        const string prediction = "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi\n";
        var s = Latin.Sentence(prediction, [target]);
        Assert.Equal(0.40741, s.Recall, 5e-6);
        Assert.Equal(0.68750, s.Precision, 5e-6);
        Assert.Equal(0.51163, s.FMeasure, 5e-6);
    }

    [Fact]
    public void Latin_tokenizer_scores_arabic_zero_and_unicode_tokenizer_does_not()
    {
        Assert.Empty(RougeTokenizer.Tokenize(ArabicSamples.Reference.Replace("ECG", string.Empty, StringComparison.Ordinal), RougeTokenization.LatinOnly));
        const string hyp = "المريض يعاني من صداع شديد";
        const string reference = "يعاني المريض من صداع";
        Assert.Equal(0.0, Latin.Sentence(hyp, [reference]).FMeasure);

        var s = new RougeL().Sentence(hyp, [reference]);
        // LCS is "يعاني من صداع" (3 tokens): P = 3/5, R = 3/4.
        Assert.Equal(3.0 / 5, s.Precision, 1e-12);
        Assert.Equal(3.0 / 4, s.Recall, 1e-12);
        Assert.Equal(2 * 0.6 * 0.75 / 1.35, s.FMeasure, 1e-12);
    }

    [Fact]
    public void Unicode_tokenizer_keeps_diacritics_tatweel_and_digits_and_drops_punctuation_and_emoji()
    {
        var tokens = RougeTokenizer.Tokenize(ArabicSamples.Hypothesis, RougeTokenization.Unicode);
        Assert.Equal(["يُعاني", "المريضُ", "من", "ألمٍ", "في", "الصـــدر", "منذ", "٣", "أيام", "هل", "يحتاج", "إلى", "ecg"], tokens);
    }

    [Fact]
    public void Multi_reference_takes_the_best_f_and_normalizer_applies()
    {
        var metric = new RougeL(new RougeLOptions { Normalizer = new MetricNormalizer("test-fold", ArabicSamples.FoldForTest) });
        var best = metric.Sentence(ArabicSamples.Hypothesis, [ArabicSamples.OtherReference, ArabicSamples.Reference]);
        var single = metric.Sentence(ArabicSamples.Hypothesis, [ArabicSamples.Reference]);
        Assert.Equal(single.FMeasure, best.FMeasure, 1e-12);
        var plain = new RougeL().Sentence(ArabicSamples.Hypothesis, [ArabicSamples.Reference]);
        Assert.True(single.FMeasure > plain.FMeasure);
        Assert.InRange(plain.FMeasure, 0.1, 0.9);
    }

    [Fact]
    public void Lcs_length_of_rouge_score_table_test()
    {
        // rouge_scorer_test.py testLcsTable: ref [1..5], candidate [2,5,3,4] → LCS 3; [8,9] → 0.
        Assert.Equal(3, RougeL.LcsLength(["1", "2", "3", "4", "5"], ["2", "5", "3", "4"]));
        Assert.Equal(0, RougeL.LcsLength(["1", "2", "3", "4", "5"], ["8", "9"]));
    }
}
