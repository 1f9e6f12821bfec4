using Shifa.Modeling.Architectures;
using Shifa.Modeling.Native;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Architectures;

/// <summary>Tiny configurations of each architecture, small enough for millisecond forward passes.</summary>
internal static class TinyModels
{
    public static readonly ModelConfig Gpt2 = new()
    {
        ModelType = "gpt2", VocabSize = 97, HiddenSize = 32, IntermediateSize = 128, NumLayers = 2, NumHeads = 4,
        NumKeyValueHeads = 4, MaxPositions = 64, TieWordEmbeddings = true, EosTokenId = 96,
    };

    /// <summary>Tied embeddings, full attention, no GQA.</summary>
    public static readonly ModelConfig Llama = new()
    {
        ModelType = "llama", VocabSize = 101, HiddenSize = 32, IntermediateSize = 80, NumLayers = 2, NumHeads = 4,
        NumKeyValueHeads = 4, MaxPositions = 128, TieWordEmbeddings = true, RopeTheta = 10000, EosTokenId = 2, BosTokenId = 1,
    };

    /// <summary>Untied head, grouped-query attention (4 query heads over 2 KV heads), sliding window of 3.</summary>
    public static readonly ModelConfig Mistral = new()
    {
        ModelType = "mistral", VocabSize = 89, HiddenSize = 32, IntermediateSize = 64, NumLayers = 2, NumHeads = 4,
        NumKeyValueHeads = 2, MaxPositions = 128, TieWordEmbeddings = false, RopeTheta = 1e6, SlidingWindow = 3,
        EosTokenId = 2, BosTokenId = 1,
    };

    public static TheoryData<string> Names => new() { "gpt2", "llama", "mistral" };

    public static ModelConfig ByName(string name) => name switch
    {
        "gpt2" => Gpt2,
        "llama" => Llama,
        "mistral" => Mistral,
        _ => throw new ArgumentException(name),
    };

    public static CausalLanguageModel Create(string name, int seed = 1234)
    {
        TorchRuntime.EnsureInitialized();
        manual_seed(seed);
        var model = CausalLanguageModel.Create(ByName(name));
        model.eval();
        return model;
    }

    public static Tensor RandomIds(ModelConfig config, long batch, long time, int seed = 7)
    {
        var generator = new Generator((ulong)seed);
        return randint(0, config.VocabSize, [batch, time], dtype: ScalarType.Int64, generator: generator);
    }
}
