// BERT-family encoder hyper-parameters as stored in a Hugging Face config.json (BERT, RoBERTa, XLM-RoBERTa).
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>
/// Encoder configuration (Hugging Face <c>BertConfig</c>/<c>RobertaConfig</c> field names in JSON).
/// RoBERTa and XLM-RoBERTa share BERT's layers and differ only in how positions are numbered
/// (see <see cref="UsesPaddingOffsetPositions"/>).
/// </summary>
public sealed record BertConfig
{
    /// <summary>bert-base-multilingual-cased: 12 layers, 768 hidden, 12 heads, vocabulary 119547.</summary>
    public static BertConfig BaseMultilingualCased { get; } = new() { VocabSize = 119547 };

    /// <summary>xlm-roberta-base: 12 layers, 768 hidden, 12 heads, vocabulary 250002, 514 positions, padding id 1.</summary>
    public static BertConfig XlmRobertaBase { get; } = new()
    {
        ModelType = "xlm-roberta", VocabSize = 250002, MaxPositionEmbeddings = 514, TypeVocabSize = 1, PadTokenId = 1, LayerNormEps = 1e-5,
    };

    /// <summary>xlm-roberta-large: 24 layers, 1024 hidden, 16 heads, 4096 feed-forward, otherwise as <see cref="XlmRobertaBase"/>.</summary>
    public static BertConfig XlmRobertaLarge { get; } = XlmRobertaBase with
    {
        NumHiddenLayers = 24, HiddenSize = 1024, NumAttentionHeads = 16, IntermediateSize = 4096,
    };

    /// <summary>Vocabulary size.</summary>
    [JsonPropertyName("vocab_size")]
    public int VocabSize { get; init; } = 30522;

    /// <summary>Hidden size.</summary>
    [JsonPropertyName("hidden_size")]
    public int HiddenSize { get; init; } = 768;

    /// <summary>Number of transformer layers.</summary>
    [JsonPropertyName("num_hidden_layers")]
    public int NumHiddenLayers { get; init; } = 12;

    /// <summary>Attention heads per layer.</summary>
    [JsonPropertyName("num_attention_heads")]
    public int NumAttentionHeads { get; init; } = 12;

    /// <summary>Feed-forward inner size.</summary>
    [JsonPropertyName("intermediate_size")]
    public int IntermediateSize { get; init; } = 3072;

    /// <summary>Feed-forward activation; <c>gelu</c> (exact, erf) and <c>gelu_new</c>/<c>relu</c> are supported.</summary>
    [JsonPropertyName("hidden_act")]
    public string HiddenAct { get; init; } = "gelu";

    /// <summary>Longest input the position table covers.</summary>
    [JsonPropertyName("max_position_embeddings")]
    public int MaxPositionEmbeddings { get; init; } = 512;

    /// <summary>Number of token types (segments).</summary>
    [JsonPropertyName("type_vocab_size")]
    public int TypeVocabSize { get; init; } = 2;

    /// <summary>LayerNorm epsilon.</summary>
    [JsonPropertyName("layer_norm_eps")]
    public double LayerNormEps { get; init; } = 1e-12;

    /// <summary>Std of the normal initializer for new weights.</summary>
    [JsonPropertyName("initializer_range")]
    public double InitializerRange { get; init; } = 0.02;

    /// <summary>Padding token id.</summary>
    [JsonPropertyName("pad_token_id")]
    public int PadTokenId { get; init; }

    /// <summary>How positions enter the model; only <c>absolute</c> (learned table, the published models' setting) is implemented.</summary>
    [JsonPropertyName("position_embedding_type")]
    public string PositionEmbeddingType { get; init; } = "absolute";

    /// <summary>Model type written to config.json.</summary>
    [JsonPropertyName("model_type")]
    public string ModelType { get; init; } = "bert";

    /// <summary>
    /// True for RoBERTa and XLM-RoBERTa: position ids count real (non-padding) tokens starting at
    /// <see cref="PadTokenId"/> + 1, so padding sits at position <see cref="PadTokenId"/> and the
    /// table has <see cref="PadTokenId"/> + 1 more rows than the longest input.
    /// </summary>
    [JsonIgnore]
    public bool UsesPaddingOffsetPositions => ModelType is "roberta" or "xlm-roberta";

    /// <summary>Longest input (special tokens included) the position table covers: 512 for BERT and for XLM-R's 514 rows.</summary>
    [JsonIgnore]
    public int MaxInputLength => UsesPaddingOffsetPositions ? MaxPositionEmbeddings - PadTokenId - 1 : MaxPositionEmbeddings;

    /// <summary>Reads <c>config.json</c> from a model folder (or the file itself) and checks it.</summary>
    public static BertConfig Load(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, "config.json") : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Encoder config '{file}' not found; a Hugging Face model folder has config.json.", file);
        }

        BertConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<BertConfig>(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not a valid BERT config ({e.Message}).", e);
        }

        return (config ?? throw new InvalidDataException($"{file}: empty config.")).Validate(file);
    }

    /// <summary>Writes this config as <c>config.json</c> in <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var node = JsonSerializer.SerializeToNode(this)!.AsObject();
        node["architectures"] = new System.Text.Json.Nodes.JsonArray(ModelType switch
        {
            "xlm-roberta" => "XLMRobertaModel",
            "roberta" => "RobertaModel",
            _ => "BertModel",
        });
        File.WriteAllText(Path.Combine(folder, "config.json"), node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Checks the values; returns this config.</summary>
    public BertConfig Validate(string source = "config")
    {
        if (ModelType is not ("bert" or "roberta" or "xlm-roberta"))
        {
            throw new InvalidDataException($"{source}: model_type '{ModelType}' is not supported; this encoder reads 'bert', 'roberta' and 'xlm-roberta'.");
        }

        if (UsesPaddingOffsetPositions && (PadTokenId < 0 || MaxInputLength < 2))
        {
            throw new InvalidDataException(
                $"{source}: {ModelType} numbers positions from pad_token_id + 1, so max_position_embeddings ({MaxPositionEmbeddings}) must exceed pad_token_id ({PadTokenId}) + 2.");
        }

        if (HiddenSize <= 0 || NumAttentionHeads <= 0 || HiddenSize % NumAttentionHeads != 0)
        {
            throw new InvalidDataException($"{source}: hidden_size {HiddenSize} must be a positive multiple of num_attention_heads {NumAttentionHeads}.");
        }

        if (VocabSize <= 0 || NumHiddenLayers < 0 || IntermediateSize <= 0 || MaxPositionEmbeddings <= 0 || TypeVocabSize <= 0)
        {
            throw new InvalidDataException($"{source}: vocab_size, intermediate_size, max_position_embeddings and type_vocab_size must be positive and num_hidden_layers non-negative.");
        }

        if (PositionEmbeddingType is not "absolute")
        {
            throw new InvalidDataException($"{source}: position_embedding_type '{PositionEmbeddingType}' is not supported; only 'absolute' position embeddings are implemented.");
        }

        if (HiddenAct is not ("gelu" or "gelu_new" or "relu"))
        {
            throw new InvalidDataException($"{source}: hidden_act '{HiddenAct}' is not supported (gelu, gelu_new, relu).");
        }

        return this;
    }
}
