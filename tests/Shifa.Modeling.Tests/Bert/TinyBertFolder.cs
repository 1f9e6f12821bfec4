using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;

namespace Shifa.Modeling.Tests.Bert;

// Writes a small random BERT as a Hugging Face folder: config.json, model.safetensors, vocab.txt.
internal sealed class TinyBertFolder : IDisposable
{
    public static readonly string[] Vocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "،", "؛", "؟", ".", ",", "!",
        "المريض", "يعاني", "من", "الم", "في", "الصدر", "صداع", "شديد", "دواء", "الطبيب",
        "ال", "##م", "##ريض", "##ض", "يع", "##اني", "ecg", "ECG", "٣", "ايام", "هل", "يحتاج", "الى", "نعم", "لا",
        "the", "patient", "has", "pain", "##s", "café", "cafe",
    ];

    public static readonly BertConfig Config = new()
    {
        VocabSize = Vocabulary.Length, HiddenSize = 16, NumHiddenLayers = 3, NumAttentionHeads = 2,
        IntermediateSize = 24, MaxPositionEmbeddings = 64, TypeVocabSize = 2,
    };

    public TinyBertFolder(long seed, bool lowerCase = false)
    {
        TorchRuntime.EnsureInitialized();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shifa-tiny-bert-" + Guid.NewGuid().ToString("N"));
        TorchSharp.torch.manual_seed(seed);
        Model = new BertModel(Config, withPooler: true);
        CheckpointWriter.Save(Model, Path);
        Config.Save(Path);
        File.WriteAllLines(System.IO.Path.Combine(Path, "vocab.txt"), Vocabulary);
        File.WriteAllText(System.IO.Path.Combine(Path, "tokenizer_config.json"), $"{{\"do_lower_case\": {(lowerCase ? "true" : "false")}}}");
    }

    public string Path { get; }

    public BertModel Model { get; }

    public void Dispose()
    {
        Model.Dispose();
        Directory.Delete(Path, recursive: true);
    }
}
