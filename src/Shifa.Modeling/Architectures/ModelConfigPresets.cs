// Named architecture presets: published checkpoints' shapes and small configurations for tests and benchmarks.
namespace Shifa.Modeling.Architectures;

/// <summary>Named <see cref="ModelConfig"/>s, so a user can say <c>aragpt2-base</c> instead of writing a config.json.</summary>
public static class ModelConfigPresets
{
    private static readonly Dictionary<string, ModelConfig> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        // aubmindlab/aragpt2-base and -medium: GPT-2 shapes with a 64k Arabic vocabulary.
        ["aragpt2-base"] = Gpt2(vocab: 64000, hidden: 768, layers: 12, heads: 12, positions: 1024),
        ["aragpt2-medium"] = Gpt2(vocab: 64000, hidden: 1024, layers: 24, heads: 16, positions: 1024),
        ["gpt2"] = Gpt2(vocab: 50257, hidden: 768, layers: 12, heads: 12, positions: 1024),
        // mistralai/Mistral-7B-v0.1: GQA 32/8, 4096-token sliding window.
        ["mistral-7b"] = new ModelConfig
        {
            ModelType = "mistral", VocabSize = 32000, HiddenSize = 4096, IntermediateSize = 14336, NumLayers = 32,
            NumHeads = 32, NumKeyValueHeads = 8, MaxPositions = 32768, RopeTheta = 10000, NormEpsilon = 1e-5,
            SlidingWindow = 4096, BosTokenId = 1, EosTokenId = 2,
        },
        // About 25M parameters with a 16k vocabulary: the benchmark's mid-sized LLaMA-style model.
        ["llama-25m"] = new ModelConfig
        {
            ModelType = "llama", VocabSize = 16384, HiddenSize = 512, IntermediateSize = 1376, NumLayers = 6,
            NumHeads = 8, NumKeyValueHeads = 4, MaxPositions = 1024, TieWordEmbeddings = true,
        },
    };

    /// <summary>Names of all presets.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>Whether <paramref name="name"/> is a preset.</summary>
    public static bool Contains(string name) => Known.ContainsKey(name);

    /// <summary>The preset of that name.</summary>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists the known ones.</exception>
    public static ModelConfig Get(string name) => Known.TryGetValue(name, out var c)
        ? c : throw new KeyNotFoundException($"No model preset '{name}'. Known presets: {string.Join(", ", Known.Keys)}.");

    /// <summary>Adds or replaces a preset (used by areas that define their own, such as from-scratch models).</summary>
    public static void Register(string name, ModelConfig config) => Known[name] = config.Validate(name);

    private static ModelConfig Gpt2(int vocab, int hidden, int layers, int heads, int positions) => new()
    {
        ModelType = "gpt2", VocabSize = vocab, HiddenSize = hidden, IntermediateSize = 4 * hidden, NumLayers = layers,
        NumHeads = heads, NumKeyValueHeads = heads, MaxPositions = positions, TieWordEmbeddings = true,
        BosTokenId = vocab == 50257 ? 50256 : null, EosTokenId = vocab == 50257 ? 50256 : null,
    };
}
