using System.Text;
using System.Text.Json;
using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;
using Shifa.Modeling.Tokenization;
using static TorchSharp.torch;

namespace Shifa.Evaluation.Tests.Metrics.BertScore;

// A small random RoBERTa written as RobertaModel saves it (unprefixed names, with a pooler) plus
// GPT-2-style vocab.json/merges.txt: <s> <pad> </s> <unk>, the 256 byte symbols, then merges that
// make each listed word, with its leading space (Ġ), one token.
internal sealed class TinyRoberta : IDisposable
{
    public static readonly string[] Words = ["المريض", "يعاني", "من", "صداع", "الماء", "راجع", "الطبيب", "نعم", "ايام"];

    public TinyRoberta(long seed, int layers = 3, int hidden = 16)
    {
        TorchRuntime.EnsureInitialized();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shifa-bertscore-roberta-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        var vocab = new Dictionary<string, int> { ["<s>"] = 0, ["<pad>"] = 1, ["</s>"] = 2, ["<unk>"] = 3 };
        for (var b = 0; b < 256; b++)
        {
            vocab[ByteLevelAlphabet.ToChar((byte)b).ToString()] = vocab.Count;
        }

        var merges = new List<string>();
        foreach (var word in Words)
        {
            var symbols = Encoding.UTF8.GetBytes(" " + word).Select(b => ByteLevelAlphabet.ToChar(b).ToString()).ToList();
            var left = symbols[0];
            foreach (var right in symbols.Skip(1))
            {
                if (!vocab.ContainsKey(left + right))
                {
                    merges.Add($"{left} {right}");
                    vocab[left + right] = vocab.Count;
                }

                left += right;
            }
        }

        vocab["<mask>"] = vocab.Count;
        File.WriteAllText(System.IO.Path.Combine(Path, "vocab.json"), JsonSerializer.Serialize(vocab));
        File.WriteAllLines(System.IO.Path.Combine(Path, "merges.txt"), ["#version: 0.2", .. merges]);

        Config = new BertConfig
        {
            ModelType = "roberta", VocabSize = vocab.Count, HiddenSize = hidden, NumHiddenLayers = layers, NumAttentionHeads = 2,
            IntermediateSize = hidden * 2, MaxPositionEmbeddings = 514, TypeVocabSize = 1, PadTokenId = 1, LayerNormEps = 1e-5,
        };
        manual_seed(seed);
        using (var model = new BertModel(Config, withPooler: true))
        {
            CheckpointWriter.Save(model, Path);
        }

        Config.Save(Path);
    }

    public string Path { get; }

    public BertConfig Config { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
