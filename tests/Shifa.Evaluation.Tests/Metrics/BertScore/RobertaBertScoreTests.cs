using Shifa.Evaluation.Metrics.BertScore;
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Tokenization;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

public sealed class RobertaBertScoreTests
{
    private static readonly string[] Candidates = ["المريض يعاني من صداع منذ ٣ ايام", "راجع الطبيب!", "نعم"];
    private static readonly string[] References = ["يعاني المريض من صداع", "راجع الطبيب في ٣ ايام", "لا، راجع الطبيب"];

    [Fact]
    public void Roberta_folder_scores_like_plain_loops_with_the_prefix_space_tokenization()
    {
        using var roberta = new TinyRoberta(seed: 31);
        using var encoder = TorchBertEncoder.Load(roberta.Path, 2, "tiny-roberta");
        var plain = new PlainBertScore(BertModel.Load(roberta.Path), RobertaTokenizer.Load(roberta.Path), 2);

        // With the space put in front, the first word is the single merged token "Ġالمريض".
        var ids = encoder.Tokenize("المريض يعاني");
        Assert.Equal(4, ids.Length);
        Assert.Equal((0, 2), (ids[0], ids[^1]));
        Assert.True(ids[1] >= 260 && ids[2] >= 260, "both words are merged tokens");

        foreach (var idf in new[] { false, true })
        {
            var result = new BertScorer(encoder, new BertScoreOptions { Idf = idf, BatchSize = 2 })
                .Score(Candidates, References.Select(r => (IReadOnlyList<string>)[r]).ToList());
            for (var i = 0; i < Candidates.Length; i++)
            {
                var expected = plain.Score(Candidates[i], [References[i]], idf ? References : null);
                Assert.Equal(expected.P, result.Items[i].P, 1e-6);
                Assert.Equal(expected.R, result.Items[i].R, 1e-6);
                Assert.Equal(expected.F, result.Items[i].F, 1e-6);
            }

            Assert.StartsWith("tiny-roberta_L2_", result.Signature, StringComparison.Ordinal);
        }
    }
}
