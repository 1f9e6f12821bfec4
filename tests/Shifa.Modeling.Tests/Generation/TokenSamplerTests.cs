using Shifa.Modeling.Generation;
using Shifa.Modeling.Native;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Generation;

public sealed class TokenSamplerTests
{
    private static Tensor Logits(params float[] values)
    {
        TorchRuntime.EnsureInitialized();
        return tensor(values);
    }

    [Fact]
    public void Greedy_picks_the_largest_logit()
    {
        Assert.Equal(2, new TokenSampler(new GenerationOptions()).Next(Logits(0.1f, 1f, 3f, 2f), []));
    }

    [Fact]
    public void Repetition_penalty_lowers_seen_tokens_of_either_sign()
    {
        var sampler = new TokenSampler(new GenerationOptions { RepetitionPenalty = 1.5 });
        Assert.Equal(1, sampler.Next(Logits(2.0f, 1.9f, -1f), [0]));      // 2.0 / 1.5 < 1.9
        Assert.Equal(0, sampler.Next(Logits(-1.0f, -1.2f, -5f), [1]));    // -1.2 · 1.5 < -1.0 stays below
        Assert.Equal(0, sampler.Next(Logits(2.0f, 1.9f, -1f), [2]));      // unseen winner unaffected
    }

    [Fact]
    public void Top_k_and_top_p_never_sample_outside_their_sets()
    {
        var logits = Logits(3f, 2.5f, 2f, 1f, 0.5f, 0f);
        var topK = new TokenSampler(new GenerationOptions { Temperature = 1.5, TopK = 2, Seed = 1 });
        var drawnK = Enumerable.Range(0, 300).Select(_ => topK.Next(logits, [])).ToHashSet();
        Assert.Equal(new HashSet<int> { 0, 1 }, drawnK);

        // softmax(3, 2.5, 2, ...) ≈ 0.46, 0.28, 0.17, ...: p = 0.7 keeps tokens 0 and 1 only (0.46 < 0.7 ≤ 0.74).
        var topP = new TokenSampler(new GenerationOptions { Temperature = 1, TopP = 0.7, Seed = 2 });
        var drawnP = Enumerable.Range(0, 300).Select(_ => topP.Next(logits, [])).ToHashSet();
        Assert.Equal(new HashSet<int> { 0, 1 }, drawnP);
    }

    [Fact]
    public void Seeded_sampling_is_reproducible_and_follows_the_distribution()
    {
        var logits = Logits(0f, (float)Math.Log(3));                       // p = 0.25, 0.75
        var a = new TokenSampler(new GenerationOptions { Temperature = 1, Seed = 42 });
        var b = new TokenSampler(new GenerationOptions { Temperature = 1, Seed = 42 });
        var first = Enumerable.Range(0, 2000).Select(_ => a.Next(logits, [])).ToList();
        Assert.Equal(first, Enumerable.Range(0, 2000).Select(_ => b.Next(logits, [])).ToList());
        double share = first.Count(t => t == 1) / 2000.0;
        Assert.InRange(share, 0.71, 0.79);                                  // ±4 standard errors around 0.75
    }
}
