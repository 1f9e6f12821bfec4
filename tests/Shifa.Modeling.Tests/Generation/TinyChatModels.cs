using Shifa.Modeling.Architectures;
using Shifa.Modeling.Tests.Architectures;
using Shifa.Modeling.Tests.Tokenization;
using Shifa.Modeling.Tokenization;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Generation;

/// <summary>A small trained BPE vocabulary and tiny models sized to it.</summary>
internal static class TinyChatModels
{
    private static readonly Lazy<ByteLevelBpeTokenizer> Shared = new(() =>
        new ByteLevelBpeTokenizer(BpeTrainer.Train(ArabicCorpus.Repeated(3), new BpeTrainerOptions { VocabularySize = 400 })));

    public static ITextTokenizer Tokenizer => Shared.Value;

    public static CausalLanguageModel Create(string name, int seed = 5)
    {
        var config = TinyModels.ByName(name) with { VocabSize = Shared.Value.VocabSize, MaxPositions = 256 };
        Shifa.Modeling.Native.TorchRuntime.EnsureInitialized();
        manual_seed(seed);
        var model = CausalLanguageModel.Create(config);
        model.eval();
        return model;
    }
}
