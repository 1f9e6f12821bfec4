using Shifa.Modeling.Architectures;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Architectures;

public sealed class ArchitectureBehaviourTests
{
    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Loss_falls_on_a_tiny_batch(string name)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        model.train();
        var ids = TinyModels.RandomIds(model.Config, 2, 16, seed: 3);
        var inputs = ids[.., ..^1];
        var targets = ids[.., 1..];
        var optimizer = optim.AdamW(model.parameters(), lr: 3e-3);
        double first = 0, last = 0;
        for (int step = 0; step < 40; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.forward(inputs);                                  // (B, T, V)
            var loss = nn.functional.cross_entropy(logits.reshape(-1, model.Config.VocabSize), targets.reshape(-1));
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        // Random tokens start near ln(V) ≈ 4.5; memorising 30 tokens must drive the loss well below half of that.
        Assert.True(first > 4.0, $"initial loss {first} should be near ln(vocab)");
        Assert.True(last < first / 2, $"loss fell only from {first} to {last}");
    }

    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Logits_are_causal(string name)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.Create(name);
        var ids = TinyModels.RandomIds(model.Config, 1, 10);
        var changed = ids.clone();
        changed[0, 7] = (ids[0, 7] + 1) % model.Config.VocabSize;
        var a = model.forward(ids);
        var b = model.forward(changed);
        Assert.True(a[.., ..7].allclose(b[.., ..7], rtol: 0, atol: 1e-6), "a later token changed earlier logits");
        Assert.False(a[.., 7..].allclose(b[.., 7..], rtol: 0, atol: 1e-6), "changing a token had no effect after it");
    }

    [Fact]
    public void Sliding_window_hides_tokens_beyond_the_receptive_field()
    {
        // Window 3 and 2 layers: position p sees tokens back to p − 2·(3 − 1) = p − 4.
        using var scope = NewDisposeScope();
        var model = TinyModels.Create("mistral");
        var ids = TinyModels.RandomIds(model.Config, 1, 10);
        var changed = ids.clone();
        changed[0, 0] = (ids[0, 0] + 1) % model.Config.VocabSize;
        var a = model.forward(ids);
        var b = model.forward(changed);
        Assert.False(a[.., 4].allclose(b[.., 4], rtol: 0, atol: 1e-6), "position 4 should still see token 0");
        Assert.True(a[.., 5..].allclose(b[.., 5..], rtol: 0, atol: 1e-6), "positions ≥ 5 must not see token 0");
    }

    [Fact]
    public void Grouped_query_attention_equals_full_attention_with_repeated_key_value_heads()
    {
        using var scope = NewDisposeScope();
        var gqa = TinyModels.Create("mistral");
        var full = CausalLanguageModel.Create(gqa.Config with { NumKeyValueHeads = gqa.Config.NumHeads });
        full.eval();
        var source = gqa.state_dict();
        using (no_grad())
        {
            foreach (var (key, target) in full.state_dict())
            {
                var value = source[key];
                if (key.EndsWith("k_proj.weight", StringComparison.Ordinal) || key.EndsWith("v_proj.weight", StringComparison.Ordinal))
                {
                    value = value.view(2, 8, 32).repeat_interleave(2, dim: 0).reshape(32, 32);  // (KV, hd, C) → (H·hd, C)
                }
                target.copy_(value);
            }
        }
        var ids = TinyModels.RandomIds(gqa.Config, 1, 6);
        Assert.True(gqa.forward(ids).allclose(full.forward(ids), rtol: 1e-5, atol: 1e-5));
    }
}
