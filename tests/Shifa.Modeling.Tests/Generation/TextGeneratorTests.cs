using Shifa.Modeling.Generation;
using Shifa.Modeling.Tests.Architectures;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Generation;

public sealed class TextGeneratorTests
{
    private const string Prompt = "أعاني من صداع شديد منذ ثلاثة أيام، فما السبب؟";

    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Kv_cache_generation_equals_full_recompute_token_for_token(string name)
    {
        var model = TinyChatModels.Create(name);
        var generator = new TextGenerator(model, TinyChatModels.Tokenizer);
        var prompt = TinyChatModels.Tokenizer.Encode(Prompt);
        foreach (var options in new[]
                 {
                     new GenerationOptions { MaxNewTokens = 40 },
                     new GenerationOptions { MaxNewTokens = 40, Temperature = 0.9, TopK = 50, TopP = 0.95, RepetitionPenalty = 1.3, Seed = 17 },
                 })
        {
            var cached = generator.GenerateTokens(prompt, options).ToList();
            var recomputed = generator.GenerateTokens(prompt, options with { UseKvCache = false }).ToList();
            Assert.NotEmpty(cached);
            Assert.Equal(recomputed, cached);
        }
    }

    [Theory]
    [MemberData(nameof(TinyModels.Names), MemberType = typeof(TinyModels))]
    public void Cached_logits_match_full_forward_at_every_position(string name)
    {
        // Prefill 5 tokens, then feed the rest one by one (and once 3 at a time), comparing with one full pass.
        using var scope = NewDisposeScope();
        var model = TinyChatModels.Create(name);
        var ids = TinyModels.RandomIds(model.Config, 1, 12);
        var full = model.forward(ids);                                                     // (1, 12, V)
        using var cache = new KvCache(model.Config.NumLayers);
        var pieces = new List<Tensor> { model.Forward(ids[.., ..5], cache) };
        pieces.Add(model.Forward(ids[.., 5..8], cache));
        for (int t = 8; t < 12; t++) pieces.Add(model.Forward(ids[.., t..(t + 1)], cache));
        var incremental = cat(pieces, 1);                                                  // (1, 12, V)
        Assert.Equal(12, cache.Length);
        Assert.True(full.allclose(incremental, rtol: 1e-4, atol: 1e-5), "cached logits differ from a full forward pass");
    }

    [Fact]
    public async Task Stop_sequence_cuts_the_text_and_streaming_adds_up_to_the_result()
    {
        var generator = new TextGenerator(TinyChatModels.Create("llama"), TinyChatModels.Tokenizer);
        var free = await generator.GenerateAsync(Prompt, new GenerationOptions { MaxNewTokens = 30 });
        Assert.Equal(FinishReason.Length, free.FinishReason);
        Assert.Equal(30, free.TokenIds.Count);
        Assert.True(free.Text.Length >= 6, $"too little text to cut: '{free.Text}'");

        string stop = free.Text.Substring(free.Text.Length / 2, 3);
        var options = new GenerationOptions { MaxNewTokens = 30, StopSequences = [stop] };
        var cut = await generator.GenerateAsync(Prompt, options);
        Assert.Equal(FinishReason.Stop, cut.FinishReason);
        Assert.Equal(free.Text[..free.Text.IndexOf(stop, StringComparison.Ordinal)], cut.Text);

        var streamed = new List<string>();
        await foreach (var delta in generator.StreamAsync(Prompt, options)) streamed.Add(delta);
        Assert.Equal(cut.Text, string.Concat(streamed));
        Assert.DoesNotContain(streamed, d => d.Length == 0);
    }

    [Fact]
    public void Prompt_longer_than_the_context_is_refused_with_the_numbers()
    {
        var model = TinyChatModels.Create("gpt2");
        var generator = new TextGenerator(model, TinyChatModels.Tokenizer);
        var ids = Enumerable.Repeat(5, 300).ToArray();
        var ex = Assert.Throws<ArgumentException>(() => generator.GenerateTokens(ids, new GenerationOptions()).ToList());
        Assert.Contains("300", ex.Message);
        Assert.Contains("256", ex.Message);
    }
}
