using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;
using Shifa.Modeling.Tests.Tokenization;
using static TorchSharp.torch;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

// A small random XLM-RoBERTa written as a Hugging Face folder the way XLMRobertaForMaskedLM saves
// it: config.json (model_type xlm-roberta, 514 positions, padding id 1), model.safetensors with
// "roberta." names and the lm_head, and a hand-made Unigram sentencepiece.bpe.model.
internal sealed class TinyXlmRoberta : IDisposable
{
    private static readonly string[] Words =
    [
        "▁المريض", "▁يعاني", "▁من", "▁صداع", "▁شديد", "▁منذ", "▁ايام", "▁اشرب", "▁الماء", "▁كثيرا", "▁خذ", "▁باراسيتامول",
        "▁هل", "▁يحتاج", "▁الى", "▁تخطيط", "▁القلب", "▁نعم", "▁لا", "▁راجع", "▁الطبيب", "▁في", "▁الصدر", "▁الم", "▁دواء",
        "▁و", "ال", "ECG", "ين",
    ];

    private const string Letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءؤئ،؟؛!.٣ECGِّ";

    public TinyXlmRoberta(long seed, int layers = 3, int hidden = 16)
    {
        TorchRuntime.EnsureInitialized();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shifa-bertscore-xlmr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        var pieces = new List<(string, float)> { ("▁", -4f) };
        pieces.AddRange(Words.Select((w, i) => (w, -3f - (i % 5 * 0.25f))));
        pieces.AddRange(Letters.Select(c => (c.ToString(), -9f)));
        File.WriteAllBytes(System.IO.Path.Combine(Path, "sentencepiece.bpe.model"), SentencePieceModelFile.Unigram(pieces));

        // 3 SentencePiece specials + pieces, shifted by one, then <mask>.
        Config = new BertConfig
        {
            ModelType = "xlm-roberta", VocabSize = 3 + pieces.Count + 2, HiddenSize = hidden, NumHiddenLayers = layers,
            NumAttentionHeads = 2, IntermediateSize = hidden * 2, MaxPositionEmbeddings = 514, TypeVocabSize = 1, PadTokenId = 1,
            LayerNormEps = 1e-5,
        };
        manual_seed(seed);
        using (var model = new BertModel(Config))
        {
            var state = model.state_dict().Select(kv => KeyValuePair.Create("roberta." + kv.Key, kv.Value))
                .Append(KeyValuePair.Create("lm_head.dense.weight", randn(hidden, hidden)))
                .Append(KeyValuePair.Create("lm_head.dense.bias", zeros(hidden)))
                .Append(KeyValuePair.Create("lm_head.layer_norm.weight", ones(hidden)))
                .Append(KeyValuePair.Create("lm_head.layer_norm.bias", zeros(hidden)))
                .Append(KeyValuePair.Create("lm_head.decoder.weight", randn(Config.VocabSize, hidden)))
                .Append(KeyValuePair.Create("lm_head.bias", zeros(Config.VocabSize)))
                .ToList();
            CheckpointWriter.Save(state, Path);
        }

        Config.Save(Path);
    }

    public string Path { get; }

    public BertConfig Config { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
