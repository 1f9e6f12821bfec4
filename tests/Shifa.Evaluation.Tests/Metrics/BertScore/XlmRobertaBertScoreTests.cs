using Shifa.Evaluation.Metrics.BertScore;
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Tokenization;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

// The scorer pads with <pad> = 1.
public sealed class TinyXlmRobertaFixture : TinyEncoderFixture
{
    public TinyXlmRobertaFixture()
        : this(new TinyXlmRoberta(seed: 21))
    {
    }

    private TinyXlmRobertaFixture(TinyXlmRoberta xlmr)
        : base(xlmr, xlmr.Path, "tiny-xlmr", XlmRobertaTokenizer.Load)
    {
    }
}

public sealed class XlmRobertaBertScoreTests(TinyXlmRobertaFixture fixture) : IClassFixture<TinyXlmRobertaFixture>
{
    private readonly TorchBertEncoder _encoder = fixture.Encoder;
    private readonly PlainBertScore _plain = fixture.Plain;

    private static readonly string[] Candidates =
    [
        "المريض يعاني من صداع شديد منذ ٣ ايام",
        "اشرب الماء كثيرا، وخذ باراسيتامول 🤒",
        "هل يحتاج المريض الى تخطيط القلب ECG؟",
        "نعم",
        "راجع الطبيـــب!",
    ];

    private static readonly string[] References =
    [
        "يعاني المريض من الم في الصدر منذ ايام",
        "خذ دواء واشرب الماء",
        "نعم، يحتاج الى تخطيط القلب",
        "لا، راجع الطبيب",
        "راجع الطبيب في ٣ ايام",
    ];

    [Fact]
    public void Inputs_are_wrapped_in_s_and_close_s_with_xlm_r_ids()
    {
        Assert.Equal((0, 2), (_encoder.ClsId, _encoder.SepId));
        Assert.Equal([0, 2], _encoder.Tokenize(""));
        var ids = _encoder.Tokenize(Candidates[0]);
        Assert.Equal(0, ids[0]);
        Assert.Equal(2, ids[^1]);

        // ▁المريض is the second piece after ▁ (spm id 4), so its XLM-R id is 5.
        Assert.Equal(5, ids[1]);
        Assert.True(ids.Length > 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Matches_plain_loops_with_and_without_idf(bool idf)
    {
        var scorer = new BertScorer(_encoder, new BertScoreOptions { Idf = idf, BatchSize = 3 });
        var result = scorer.Score(Candidates, References.Select(r => (IReadOnlyList<string>)[r]).ToList());
        for (var i = 0; i < Candidates.Length; i++)
        {
            AssertClose(_plain.Score(Candidates[i], [References[i]], idf ? References : null), result.Items[i]);
        }

        Assert.Equal(idf ? "tiny-xlmr_L2_idf_version=0.3.12(shifa)" : "tiny-xlmr_L2_no-idf_version=0.3.12(shifa)", result.Signature);
        Assert.All(result.Items, s => Assert.InRange(s.F, 0.01, 1.0 + 1e-9));
    }

    [Fact]
    public void Multi_reference_and_empty_sides_match_plain_loops()
    {
        IReadOnlyList<IReadOnlyList<string>> refs = [[References[0], References[2]], [""], [References[2], References[3], References[4]]];
        var flat = refs.SelectMany(r => r).ToList();
        string[] candidates = [Candidates[0], Candidates[1], "   "];
        foreach (var idf in new[] { false, true })
        {
            var result = new BertScorer(_encoder, new BertScoreOptions { Idf = idf, BatchSize = 2 }).Score(candidates, refs);
            for (var i = 0; i < 3; i++)
            {
                AssertClose(_plain.Score(candidates[i], refs[i], idf ? flat : null), result.Items[i]);
            }

            Assert.Equal(new BertScoreTriple(0, 0, 0), result.Items[1]);
            Assert.Equal(4, result.EmptyPairs);
        }
    }

    [Fact]
    public void Long_input_is_cut_to_512_ids_with_its_specials_kept()
    {
        var text = string.Join(' ', Enumerable.Repeat("المريض يعاني من صداع", 200));
        var ids = _encoder.Tokenize(text);
        Assert.Equal(512, ids.Length);
        Assert.Equal((0, 2), (ids[0], ids[^1]));

        // The truncated text fills all 512 positions (rows 2..513 of the table) and scores itself 1.
        var self = new BertScorer(_encoder).Score([text], [[text]]).Items[0];
        Assert.Equal(1.0, self.F, 6);
    }

    [Fact]
    public void Known_xlm_r_and_roberta_models_have_bert_score_default_layers()
    {
        Assert.Equal(9, BertScoreModels.ResolveLayer("xlm-roberta-base", null));
        Assert.Equal(17, BertScoreModels.ResolveLayer("/models/xlm-roberta-large/", null));
        Assert.Equal(10, BertScoreModels.ResolveLayer("roberta-base", null));
        Assert.Equal(17, BertScoreModels.ResolveLayer("roberta-large", null));
        Assert.Throws<ArgumentException>(() => BertScoreModels.ResolveLayer(fixture.Path, null));
    }

    [Fact]
    public void A_folder_whose_name_does_not_say_its_family_is_signed_with_its_model_type()
    {
        using var encoder = TorchBertEncoder.Load(fixture.Path, 1);
        var name = Path.GetFileName(fixture.Path);
        Assert.Equal($"{name}(xlm-roberta)", encoder.ModelName);
        Assert.StartsWith($"{name}(xlm-roberta)_L1_no-idf_", new BertScorer(encoder).Signature, StringComparison.Ordinal);
        Assert.Equal("xlm-roberta-large", TorchBertEncoder.NameOf("/models/xlm-roberta-large/", BertConfig.XlmRobertaLarge));
    }

    private static void AssertClose((double P, double R, double F) expected, BertScoreTriple actual)
    {
        Assert.Equal(expected.P, actual.P, 1e-6);
        Assert.Equal(expected.R, actual.R, 1e-6);
        Assert.Equal(expected.F, actual.F, 1e-6);
    }
}
