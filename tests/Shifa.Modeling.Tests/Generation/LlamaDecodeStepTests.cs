using Shifa.Modeling.Architectures;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Native;
using Shifa.Modeling.Tests.Architectures;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Generation;

public sealed class LlamaDecodeStepTests
{
    /// <summary>Untied head and grouped-query attention (4 query heads over 2 key/value heads), no window.</summary>
    private static readonly ModelConfig GroupedQuery = TinyModels.Mistral with { ModelType = "llama", SlidingWindow = null };

    [Theory]
    [InlineData("tied, 4 heads")]
    [InlineData("untied, grouped query")]
    public void Decode_step_logits_match_the_module_forward_at_every_position(string which)
    {
        TorchRuntime.EnsureInitialized();
        manual_seed(5);
        using var model = CausalLanguageModel.Create(which.StartsWith("tied", StringComparison.Ordinal) ? TinyModels.Llama : GroupedQuery);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = TinyModels.RandomIds(model.Config, 1, 14);
        var full = model.forward(ids)[0];                                                       // (14, V)
        using var step = LlamaDecodeStep.TryCreate(model, 14);
        Assert.NotNull(step);
        using var cache = new KvCache(model.Config.NumLayers, capacity: 6);                    // grows past 6 on the way
        model.Forward(ids[.., ..5], cache);
        long[] tokens = ids[0].data<long>().ToArray();
        for (int t = 5; t < 14; t++)
        {
            var logits = step!.Next((int)tokens[t], cache);                                     // (V)
            float diff = logits.sub(full[t]).abs().max().item<float>();
            Assert.True(diff <= 1e-5f, $"position {t}: max abs diff {diff}");
        }
        Assert.Equal(14, cache.Length);
    }

    [Fact]
    public void Models_the_step_does_not_cover_use_the_module_path()
    {
        TorchRuntime.EnsureInitialized();
        using var gpt2 = CausalLanguageModel.Create(TinyModels.Gpt2);
        Assert.Null(LlamaDecodeStep.TryCreate(gpt2, 32));
        using var windowed = CausalLanguageModel.Create(TinyModels.Mistral);                    // window 3 < 32 positions
        Assert.Null(LlamaDecodeStep.TryCreate(windowed, 32));
        using var adapted = CausalLanguageModel.Create(TinyModels.Llama);
        using (var plain = LlamaDecodeStep.TryCreate(adapted, 32)) Assert.NotNull(plain);
        LoraAdapter.Attach(adapted, new LoraConfig { Rank = 2, Alpha = 4 });
        Assert.Null(LlamaDecodeStep.TryCreate(adapted, 32));
    }
}
