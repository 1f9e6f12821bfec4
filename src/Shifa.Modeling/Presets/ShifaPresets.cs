// Shifa's from-scratch models: small LLaMA-style decoders with a byte-level BPE vocabulary learnt from the workspace.
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;
using static TorchSharp.torch;

namespace Shifa.Modeling.Presets;

/// <summary>
/// The embedded defaults used when no base checkpoint is given. <c>shifa-tiny</c> (~1M parameters)
/// trains on the bundled ~400-record sample in a few minutes on two CPU cores; <c>shifa-small</c>
/// (~13M) is for a few thousand records or a GPU. Both use RMSNorm, RoPE, grouped-query attention,
/// SwiGLU and tied embeddings, so their folders load in Hugging Face <c>transformers</c> as LLaMA.
/// </summary>
public static class ShifaPresets
{
    private static readonly Dictionary<string, ShifaPreset> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["shifa-tiny"] = new(
            "shifa-tiny",
            Llama(hidden: 128, intermediate: 384, layers: 4, heads: 4, kvHeads: 2, positions: 256),
            VocabularySize: 2048,
            new SftTrainingOptions { Epochs = 12, BatchSize = 8, SequenceLength = 256, LearningRate = 3e-3, WarmupFraction = 0.05, EvalEvery = 20 }),
        ["shifa-small"] = new(
            "shifa-small",
            Llama(hidden: 384, intermediate: 1024, layers: 6, heads: 6, kvHeads: 2, positions: 512),
            VocabularySize: 8192,
            new SftTrainingOptions { Epochs = 6, BatchSize = 8, SequenceLength = 512, LearningRate = 1e-3, WarmupFraction = 0.05, EvalEvery = 50 }),
    };

    /// <summary>Preset names.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>Whether <paramref name="name"/> names a preset (as opposed to a model folder).</summary>
    public static bool IsPreset(string name) => Known.ContainsKey(name);

    /// <summary>The preset called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">Unknown; the message lists the presets.</exception>
    public static ShifaPreset Get(string name) => Known.TryGetValue(name, out var preset)
        ? preset
        : throw new KeyNotFoundException($"No Shifa preset '{name}'. Presets: {string.Join(", ", Known.Keys)}; or pass a model folder.");

    /// <summary>Learns the preset's vocabulary from <paramref name="trainingTexts"/> and returns it with the matching architecture.</summary>
    public static (ByteLevelBpeModel Vocabulary, ModelConfig Architecture) Prepare(ShifaPreset preset, IEnumerable<string> trainingTexts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var vocabulary = BpeTrainer.Train(trainingTexts, new BpeTrainerOptions { VocabularySize = preset.VocabularySize }, ct);
        var eos = vocabulary.SpecialTokens[SpecialTokenNames.EndOfText];
        var architecture = preset.Architecture with
        {
            VocabSize = vocabulary.VocabularySize,
            BosTokenId = eos,
            EosTokenId = eos,
            PadTokenId = eos,
        };
        return (vocabulary, architecture.Validate(preset.Name));
    }

    /// <summary>Creates the randomly initialised model of <paramref name="architecture"/> with a fixed seed.</summary>
    public static CausalLanguageModel CreateModel(ModelConfig architecture, int seed)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        Native.TorchRuntime.EnsureInitialized();
        manual_seed(seed);
        return CausalLanguageModel.Create(architecture);
    }

    private static ModelConfig Llama(int hidden, int intermediate, int layers, int heads, int kvHeads, int positions) => new()
    {
        ModelType = "llama",
        VocabSize = 1,
        HiddenSize = hidden,
        IntermediateSize = intermediate,
        NumLayers = layers,
        NumHeads = heads,
        NumKeyValueHeads = kvHeads,
        MaxPositions = positions,
        TieWordEmbeddings = true,
        RopeTheta = 10000,
        NormEpsilon = 1e-5,
    };
}
