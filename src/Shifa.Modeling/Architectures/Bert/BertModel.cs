// BERT-family encoder (BERT, RoBERTa, XLM-RoBERTa) with Hugging Face parameter names; returns the hidden state of any layer.
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>
/// Hugging Face <c>BertModel</c> in TorchSharp: <c>embeddings</c>, <c>encoder.layer.N</c> and an
/// optional <c>pooler</c>. The same modules are <c>RobertaModel</c>/<c>XLMRobertaModel</c> when
/// the config's <c>model_type</c> is <c>roberta</c>/<c>xlm-roberta</c> (only the position numbering
/// differs). Can be built truncated to its first <c>L</c> layers, as BERTScore does, so no work is
/// spent on layers whose output is not used.
/// </summary>
public sealed class BertModel : nn.Module<Tensor, Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the Hugging Face parameter names.
    private readonly BertEmbeddings embeddings;
    private readonly BertEncoder encoder;
    private readonly BertPooler? pooler;
#pragma warning restore IDE1006

    /// <summary>Builds a randomly initialised model.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="layers">Layers to build (null = all of <see cref="BertConfig.NumHiddenLayers"/>).</param>
    /// <param name="withPooler">Build the pooler (only meaningful with all layers).</param>
    public BertModel(BertConfig config, int? layers = null, bool withPooler = false) : base(nameof(BertModel))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        var n = layers ?? config.NumHiddenLayers;
        if (n < 0 || n > config.NumHiddenLayers)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), n, $"Layer count must be between 0 and {config.NumHiddenLayers}.");
        }

        Config = config;
        embeddings = new BertEmbeddings(config);
        encoder = new BertEncoder(config, n);
        if (withPooler)
        {
            pooler = new BertPooler(config);
        }

        RegisterComponents();
        InitWeights(config.InitializerRange);
    }

    /// <summary>The configuration.</summary>
    public BertConfig Config { get; }

    /// <summary>Number of transformer layers built.</summary>
    public int Layers => encoder.Count;

    /// <summary>Hidden state after the last built layer: (batch, time, hidden).</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask) => HiddenState(inputIds, attentionMask, Layers);

    /// <summary>
    /// Hidden state at <paramref name="layer"/> (0 = embeddings output, L = after layer L), the
    /// same indexing as Hugging Face's <c>hidden_states</c>. Layers above it are not run.
    /// </summary>
    /// <param name="inputIds">(batch, time) token ids.</param>
    /// <param name="attentionMask">(batch, time), 1 for real tokens and 0 for padding.</param>
    /// <param name="layer">Which hidden state to return.</param>
    public Tensor HiddenState(Tensor inputIds, Tensor attentionMask, int layer)
    {
        if (layer < 0 || layer > Layers)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"This model holds layers 0..{Layers}.");
        }

        if (inputIds.shape[1] > Config.MaxInputLength)
        {
            throw new ArgumentException($"Input has {inputIds.shape[1]} tokens; this {Config.ModelType} encoder takes at most {Config.MaxInputLength}. Truncate first.", nameof(inputIds));
        }

        var x = embeddings.forward(inputIds);                                                     // (B, T, C)
        var keep = attentionMask.to_type(x.dtype).unsqueeze(1).unsqueeze(2);                      // (B, 1, 1, T)
        var additive = (1.0 - keep) * torch.finfo(x.dtype).min;                                   // (B, 1, 1, T)
        return encoder.Forward(x, additive, layer);
    }

    /// <summary>Pooled [CLS] output; requires the pooler.</summary>
    public Tensor Pool(Tensor lastHidden) =>
        (pooler ?? throw new InvalidOperationException("This BertModel was built without its pooler.")).forward(lastHidden);

    /// <summary>
    /// Loads a Hugging Face BERT, RoBERTa or XLM-RoBERTa folder (<c>config.json</c> + safetensors) strictly. With
    /// <paramref name="layers"/>, only the first layers are built and the checkpoint's higher layers
    /// and pooler are deliberately left unused.
    /// </summary>
    public static BertModel Load(string folder, int? layers = null)
    {
        TorchRuntime.EnsureInitialized();
        var config = BertConfig.Load(folder);
        var n = layers ?? config.NumHiddenLayers;
        if (n < 0 || n > config.NumHiddenLayers)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), n, $"{folder} has {config.NumHiddenLayers} layers; cannot take {n}.");
        }

        using var checkpoint = CheckpointFolder.Open(folder);
        var hasPooler = checkpoint.Entries.Any(e => MapName(e.Name, config, n, true) is "pooler.dense.weight");
        var withPooler = hasPooler && n == config.NumHiddenLayers;
        var model = new BertModel(config, n, withPooler);
        CheckpointLoader.LoadStrict(model, checkpoint, name => MapName(name, config, n, withPooler || n == config.NumHiddenLayers));
        model.eval();
        return model;
    }

    // The one place checkpoint quirks are handled. BERT: a "bert." prefix (saved from BertFor*
    // heads), TF-era LayerNorm gamma/beta names and the pre-training heads "cls.*". RoBERTa and
    // XLM-R: a "roberta." prefix (saved from *ForMaskedLM and other heads) and the masked-LM head
    // "lm_head.*". Both: the position_ids/token_type_ids buffers older checkpoints carry, and
    // layers/pooler beyond a truncation. Anything else (another head's "classifier.*", layers the
    // config does not have) stays unmapped, so the strict loader reports it.
    private static string? MapName(string name, BertConfig config, int layers, bool keepPooler)
    {
        var (prefix, head) = config.UsesPaddingOffsetPositions ? ("roberta.", "lm_head.") : ("bert.", "cls.");
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            name = name[prefix.Length..];
        }

        if (name.StartsWith(head, StringComparison.Ordinal) || name is "embeddings.position_ids" or "embeddings.token_type_ids")
        {
            return null;
        }

        if (name.EndsWith(".gamma", StringComparison.Ordinal))
        {
            name = name[..^".gamma".Length] + ".weight";
        }
        else if (name.EndsWith(".beta", StringComparison.Ordinal))
        {
            name = name[..^".beta".Length] + ".bias";
        }

        if (name.StartsWith("pooler.", StringComparison.Ordinal) && !keepPooler)
        {
            return null;
        }

        if (name.StartsWith("encoder.layer.", StringComparison.Ordinal))
        {
            var rest = name["encoder.layer.".Length..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && int.TryParse(rest[..dot], out var index) && index >= layers && index < config.NumHiddenLayers)
            {
                return null;
            }
        }

        return name;
    }

    private void InitWeights(double std)
    {
        using var noGrad = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("LayerNorm.weight", StringComparison.Ordinal))
            {
                p.fill_(1.0);
            }
            else if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                p.zero_();
            }
            else
            {
                p.normal_(0.0, std);
            }
        }
    }
}
