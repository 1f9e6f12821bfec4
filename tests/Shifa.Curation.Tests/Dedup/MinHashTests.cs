// MinHash estimates track exact shingle Jaccard; LSH candidate probability follows its S-curve.
using Shifa.Curation.Dedup;
using Shifa.Curation.Tests.Fixtures;
using Shifa.Curation.Text;

namespace Shifa.Curation.Tests.Dedup;

public sealed class MinHashTests
{
    [Fact]
    public void Estimated_jaccard_is_within_0_12_of_the_exact_value()
    {
        var hasher = new MinHasher(5, 128);
        var texts = ArabicQa.Pairs.Select(p => MatchingText.Normalize(p.Answer)).ToList();
        var edited = texts.Select((t, i) => MatchingText.Normalize(Variants.LightEdit(t, i))).ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            foreach (var other in (string[])[edited[i], texts[(i + 1) % texts.Count]])
            {
                var a = new uint[128];
                var b = new uint[128];
                hasher.Signature(texts[i], a);
                hasher.Signature(other, b);
                var exact = hasher.ExactJaccard(texts[i], other);
                Assert.InRange(MinHasher.EstimateJaccard(a, b) - exact, -0.12, 0.12);
            }
        }
    }

    [Fact]
    public void Identical_texts_share_every_band_and_unrelated_texts_rarely_share_any()
    {
        var hasher = new MinHasher(5, 128);
        var texts = ArabicQa.Pairs.Select(p => MatchingText.Of(TestWorkspace.Synthetic("x", p.Question, p.Answer))).ToList();
        texts.Add(texts[0]);
        var lsh = new LshIndex(hasher.Signatures(texts), 128, 32, 4);
        var pairs = lsh.CandidatePairs();
        Assert.Contains((0, texts.Count - 1), pairs);
        Assert.True(pairs.Count <= 5, $"{pairs.Count} candidate pairs among distinct texts");
        Assert.Equal(0.9998, lsh.CandidateProbability(0.7), 3);
    }
}
