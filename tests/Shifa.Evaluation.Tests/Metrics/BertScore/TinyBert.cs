using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

// A small random BERT written as a Hugging Face folder (config.json, model.safetensors, vocab.txt).
internal sealed class TinyBert : IDisposable
{
    public static readonly string[] Vocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "،", "؛", "؟", ".", "!",
        "المريض", "يعاني", "من", "الم", "في", "الصدر", "صداع", "شديد", "دواء", "الطبيب", "منذ", "ايام", "٣",
        "هل", "يحتاج", "الى", "تخطيط", "القلب", "نعم", "لا", "راجع", "اشرب", "الماء", "كثيرا", "خذ", "باراسيتامول",
        "ECG", "##s", "##ة", "ال", "##ض",
    ];

    public TinyBert(long seed, int layers = 3, int hidden = 16)
    {
        TorchRuntime.EnsureInitialized();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shifa-bertscore-" + Guid.NewGuid().ToString("N"));
        Config = new BertConfig
        {
            VocabSize = Vocabulary.Length, HiddenSize = hidden, NumHiddenLayers = layers, NumAttentionHeads = 2,
            IntermediateSize = hidden * 2, MaxPositionEmbeddings = 64,
        };
        TorchSharp.torch.manual_seed(seed);
        using (var model = new BertModel(Config, withPooler: true))
        {
            CheckpointWriter.Save(model, Path);
        }

        Config.Save(Path);
        File.WriteAllLines(System.IO.Path.Combine(Path, "vocab.txt"), Vocabulary);
        File.WriteAllText(System.IO.Path.Combine(Path, "tokenizer_config.json"), "{\"do_lower_case\": false}");
    }

    public string Path { get; }

    public BertConfig Config { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
