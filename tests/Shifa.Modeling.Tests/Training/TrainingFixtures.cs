// Small records, a tiny LLaMA and a synchronous progress sink shared by the training tests.
using Shifa.Core.Records;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Presets;
using Shifa.Modeling.Tests.Tokenization;
using Shifa.Modeling.Tokenization;
using Shifa.Modeling.Training;

namespace Shifa.Modeling.Tests.Training;

internal static class TrainingFixtures
{
    public static readonly ModelConfig TinyLlama = new()
    {
        ModelType = "llama", VocabSize = 400, HiddenSize = 32, IntermediateSize = 64, NumLayers = 2,
        NumHeads = 4, NumKeyValueHeads = 2, MaxPositions = 64, TieWordEmbeddings = true,
    };

    public static List<QaRecord> Records(int count) =>
        Enumerable.Range(0, count).Select(i => new QaRecord
        {
            Id = $"r{i:D4}",
            Question = ArabicCorpus.Sentences[i % ArabicCorpus.Sentences.Length],
            Answer = ArabicCorpus.Sentences[(i * 5 + 3) % ArabicCorpus.Sentences.Length] + $" رقم {i % 7}",
            Split = RecordSplit.Train,
            Provenance = Provenance.RealData("test", DateTimeOffset.UnixEpoch),
        }).ToList();

    public static ByteLevelBpeTokenizer Tokenizer() =>
        new(BpeTrainer.Train(ArabicCorpus.Repeated(3), new BpeTrainerOptions { VocabularySize = 400 }));

    public static CausalLanguageModel Model(int seed) => ShifaPresets.CreateModel(TinyLlama, seed);

    /// <summary>A second model with the same weights; tests run in parallel, so two seeded inits can interleave on torch's global generator.</summary>
    public static CausalLanguageModel CopyOf(CausalLanguageModel source)
    {
        var copy = ShifaPresets.CreateModel(TinyLlama, seed: 0);
        copy.load_state_dict(source.state_dict());
        return copy;
    }

    public static List<SftRow> Rows(ITextTokenizer tokenizer, int records, int sequenceLength = 48)
    {
        var collator = new SftDataCollator(tokenizer, sequenceLength);
        return collator.BuildRows(collator.TokenizeAll(Records(records), new List<string>()), pack: true);
    }
}

internal sealed class SyncProgress(Action<TrainingProgress> onReport) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => onReport(value);
}
