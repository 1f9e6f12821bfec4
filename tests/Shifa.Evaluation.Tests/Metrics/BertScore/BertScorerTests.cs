using Shifa.Evaluation.Metrics.BertScore;
using Shifa.Modeling.Architectures.Bert;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

public sealed class TinyBertFixture : TinyEncoderFixture
{
    public TinyBertFixture()
        : this(new TinyBert(seed: 11))
    {
    }

    private TinyBertFixture(TinyBert bert)
        : base(bert, bert.Path, "tiny-bert", BertTokenizer.Load)
    {
    }
}

public sealed class BertScorerTests(TinyBertFixture fixture) : IClassFixture<TinyBertFixture>
{
    private readonly TorchBertEncoder _encoder = fixture.Encoder;
    private readonly PlainBertScore _plain = fixture.Plain;

    private static readonly string[] Candidates =
    [
        "المريض يعاني من صداع شديد منذ ٣ ايام",
        "اشرب الماء كثيرا، وخذ باراسيتامول",
        "هل يحتاج المريض الى تخطيط القلب ECG؟",
        "نعم",
        "راجع الطبيب!",
    ];

    private static readonly string[] References =
    [
        "يعاني المريض من الم في الصدر منذ ايام",
        "خذ دواء واشرب الماء",
        "نعم، يحتاج الى تخطيط القلب",
        "لا، راجع الطبيب",
        "راجع الطبيب في ٣ ايام",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Matches_plain_loops_with_and_without_idf(bool idf)
    {
        var scorer = new BertScorer(_encoder, new BertScoreOptions { Idf = idf, BatchSize = 2 });
        var result = scorer.Score(Candidates, References.Select(r => (IReadOnlyList<string>)[r]).ToList());
        for (var i = 0; i < Candidates.Length; i++)
        {
            var expected = _plain.Score(Candidates[i], [References[i]], idf ? References : null);
            AssertClose(expected, result.Items[i]);
        }

        Assert.Equal(idf ? "tiny-bert_L2_idf_version=0.3.12(shifa)" : "tiny-bert_L2_no-idf_version=0.3.12(shifa)", result.Signature);
        Assert.All(result.Items, s => Assert.InRange(s.F, 0.01, 1.0 + 1e-9));
    }

    [Fact]
    public void Multi_reference_takes_the_maximum_of_each_of_p_r_f_and_idf_counts_every_reference()
    {
        IReadOnlyList<IReadOnlyList<string>> refs =
        [
            [References[0], References[2]],
            [References[1]],
            [References[2], References[3], References[4]],
        ];
        var flat = refs.SelectMany(r => r).ToList();
        foreach (var idf in new[] { false, true })
        {
            var result = new BertScorer(_encoder, new BertScoreOptions { Idf = idf, BatchSize = 3 }).Score(Candidates[..3], refs);
            for (var i = 0; i < 3; i++)
            {
                AssertClose(_plain.Score(Candidates[i], refs[i], idf ? flat : null), result.Items[i]);
            }
        }
    }

    [Fact]
    public void Empty_or_blank_sides_score_zero_and_are_counted()
    {
        var result = new BertScorer(_encoder).Score(["", "   ", Candidates[0], Candidates[1]], [[References[0]], [References[1]], [""], [" \n"]]);
        Assert.All(result.Items, s => Assert.Equal(new BertScoreTriple(0, 0, 0), s));
        Assert.Equal(4, result.EmptyPairs);
        AssertClose(_plain.Score("", [References[0]], null), result.Items[0]);
        Assert.Equal([_encoder.ClsId, _encoder.SepId], _plain.Ids("   "));

        // An empty side loses to a real reference in the multi-reference maximum.
        var multi = new BertScorer(_encoder).Score([Candidates[0]], [["", References[0]]]);
        AssertClose(_plain.Score(Candidates[0], [References[0]], null), multi.Items[0]);
    }

    [Fact]
    public void A_content_tokens_best_match_on_sep_counts_as_bert_score_does()
    {
        // Find a content token whose most similar reference token is [SEP]: bert_score keeps the
        // special tokens in the similarity matrix, so that similarity is what the token scores.
        var found = false;
        foreach (var c in Candidates)
        {
            foreach (var r in References)
            {
                var ids = _plain.Ids(c);
                var refLen = _plain.Ids(r).Length;
                for (var row = 1; row < ids.Length - 1 && !found; row++)
                {
                    if (_plain.ArgMaxColumn(c, r, row) != refLen - 1)
                    {
                        continue;
                    }

                    found = true;
                    var got = new BertScorer(_encoder).Score([c], [[r]]).Items[0];
                    var withSpecials = _plain.Pair(c, r, null);
                    var withoutSpecials = _plain.Pair(c, r, null, excludeSpecialColumns: true);
                    AssertClose(withSpecials, got);
                    Assert.True(withSpecials.P - withoutSpecials.P > 1e-6, "excluding [SEP] from the matrix should lower precision here");
                }
            }
        }

        Assert.True(found, "no candidate token matched [SEP] best; pick other sentences or seed");
    }

    [Fact]
    public void Rescaling_needs_a_baseline_and_applies_x_minus_b_over_one_minus_b()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new BertScorer(_encoder, new BertScoreOptions { Rescale = true }));
        Assert.Contains("shifa evaluate baseline", ex.Message, StringComparison.Ordinal);

        var baseline = new BertScoreBaseline(0.6, 0.55, 0.58, "ar-tiny.tsv");
        var raw = new BertScorer(_encoder).Score(Candidates, References.Select(r => (IReadOnlyList<string>)[r]).ToList());
        var scaled = new BertScorer(_encoder, new BertScoreOptions { Rescale = true, Baseline = baseline }).Score(Candidates, References.Select(r => (IReadOnlyList<string>)[r]).ToList());
        for (var i = 0; i < Candidates.Length; i++)
        {
            Assert.Equal((raw.Items[i].P - 0.6) / 0.4, scaled.Items[i].P, 1e-12);
            Assert.Equal((raw.Items[i].R - 0.55) / 0.45, scaled.Items[i].R, 1e-12);
            Assert.Equal((raw.Items[i].F - 0.58) / 0.42, scaled.Items[i].F, 1e-12);
        }

        Assert.EndsWith("-rescaled(ar-tiny.tsv)", scaled.Signature, StringComparison.Ordinal);
        Assert.DoesNotContain("rescaled", raw.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncation_at_512_tokens_keeps_cls_and_sep()
    {
        var ids = _encoder.Tokenize(string.Join(' ', Enumerable.Repeat("صداع", 700)));
        Assert.Equal(64, ids.Length); // the tiny model's position table is 64 long
        Assert.Equal(_encoder.SepId, ids[^1]);
    }

    [Fact]
    public void Baseline_from_random_pairs_rescales_those_pairs_to_zero_mean()
    {
        using var model = BertModel.Load(fixture.Path);
        var tokenizer = BertTokenizer.Load(fixture.Path);
        var corpus = Candidates.Concat(References).ToList();
        var rows = BaselineEstimator.Estimate(corpus, l => new TorchBertEncoder(model, tokenizer, "tiny-bert", l), [0, 1, 2, 3], pairs: 40, seed: 5);
        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Layer));
        Assert.All(rows, r => Assert.InRange(r.F, 0.05, 0.999));
        Assert.Equal(rows, BaselineEstimator.Estimate(corpus, l => new TorchBertEncoder(model, tokenizer, "tiny-bert", l), [0, 1, 2, 3], pairs: 40, seed: 5));

        // Scoring the very pairs the baseline came from, rescaled by it, averages to zero.
        var rng = new Random(5);
        var distinct = corpus.Distinct(StringComparer.Ordinal).ToList();
        var cands = new List<string>();
        var refs = new List<IReadOnlyList<string>>();
        for (var i = 0; i < 40; i++)
        {
            var a = rng.Next(distinct.Count);
            var b = rng.Next(distinct.Count - 1);
            cands.Add(distinct[a]);
            refs.Add([distinct[b >= a ? b + 1 : b]]);
        }

        var layer2 = rows.Single(r => r.Layer == 2);
        var scaled = new BertScorer(_encoder, new BertScoreOptions { Rescale = true, Baseline = new BertScoreBaseline(layer2.P, layer2.R, layer2.F, "estimated") }).Score(cands, refs);
        Assert.Equal(0.0, scaled.Items.Average(s => s.F), 1e-9);
        Assert.Equal(0.0, scaled.Items.Average(s => s.P), 1e-9);
    }

    private static void AssertClose((double P, double R, double F) expected, BertScoreTriple actual)
    {
        Assert.Equal(expected.P, actual.P, 1e-6);
        Assert.Equal(expected.R, actual.R, 1e-6);
        Assert.Equal(expected.F, actual.F, 1e-6);
    }
}
