using Shifa.Modeling.Architectures.Bert;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Bert;

// Writes a small random XLM-RoBERTa as a Hugging Face folder the way XLMRobertaForMaskedLM saves it:
// config.json (model_type xlm-roberta) and model.safetensors with "roberta." names plus the lm_head.
internal sealed class TinyXlmRobertaFolder : IDisposable
{
    public static readonly BertConfig Config = new()
    {
        ModelType = "xlm-roberta", VocabSize = 18, HiddenSize = 16, NumHiddenLayers = 2, NumAttentionHeads = 2,
        IntermediateSize = 24, MaxPositionEmbeddings = 20, TypeVocabSize = 1, PadTokenId = 1, LayerNormEps = 1e-5,
    };

    public TinyXlmRobertaFolder(long seed, Func<IEnumerable<KeyValuePair<string, Tensor>>, IEnumerable<KeyValuePair<string, Tensor>>>? edit = null)
    {
        TorchRuntime.EnsureInitialized();
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shifa-tiny-xlmr-" + Guid.NewGuid().ToString("N"));
        manual_seed(seed);
        using var model = new BertModel(Config);
        var h = Config.HiddenSize;
        var state = model.state_dict().Select(kv => KeyValuePair.Create("roberta." + kv.Key, kv.Value.detach().clone()))
            .Append(KeyValuePair.Create("lm_head.dense.weight", randn(h, h)))
            .Append(KeyValuePair.Create("lm_head.dense.bias", randn(h)))
            .Append(KeyValuePair.Create("lm_head.layer_norm.weight", ones(h)))
            .Append(KeyValuePair.Create("lm_head.layer_norm.bias", zeros(h)))
            .Append(KeyValuePair.Create("lm_head.decoder.weight", randn(Config.VocabSize, h)))
            .Append(KeyValuePair.Create("lm_head.bias", zeros(Config.VocabSize)));
        Weights = (edit ?? (s => s))(state).ToDictionary(kv => kv.Key, kv => kv.Value);
        CheckpointWriter.Save(Weights.ToList(), Path);
        Config.Save(Path);
    }

    public string Path { get; }

    // Checkpoint names → tensors, as written.
    public Dictionary<string, Tensor> Weights { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
