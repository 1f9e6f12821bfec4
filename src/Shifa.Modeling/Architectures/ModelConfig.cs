// The architecture description read from and written to a Hugging Face config.json (GPT-2 and LLaMA/Mistral keys).
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shifa.Modeling.Architectures;

/// <summary>
/// Sizes and options of a causal language model, in one record for GPT-2 and LLaMA-style models.
/// <see cref="Load"/> reads Hugging Face's <c>config.json</c> (GPT-2 spells sizes <c>n_embd</c>, <c>n_layer</c>,
/// <c>n_head</c>, <c>n_positions</c>; LLaMA and Mistral spell them <c>hidden_size</c>, ...); <see cref="Save"/>
/// writes the spelling of <see cref="ModelType"/> so Hugging Face tools load the folder.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>File name of the configuration inside a model folder.</summary>
    public const string FileName = "config.json";

    /// <summary><c>gpt2</c>, <c>llama</c> or <c>mistral</c> (Hugging Face's <c>model_type</c>).</summary>
    public required string ModelType { get; init; }

    /// <summary>Vocabulary size (rows of the token embedding).</summary>
    public required int VocabSize { get; init; }

    /// <summary>Width of the residual stream (<c>n_embd</c> / <c>hidden_size</c>).</summary>
    public required int HiddenSize { get; init; }

    /// <summary>Width of the MLP (GPT-2: <c>n_inner</c>, default 4 × hidden).</summary>
    public required int IntermediateSize { get; init; }

    /// <summary>Number of transformer blocks.</summary>
    public required int NumLayers { get; init; }

    /// <summary>Number of query heads.</summary>
    public required int NumHeads { get; init; }

    /// <summary>Number of key/value heads (grouped-query attention when smaller than <see cref="NumHeads"/>).</summary>
    public required int NumKeyValueHeads { get; init; }

    /// <summary>Longest sequence the position embedding or RoPE is configured for.</summary>
    public required int MaxPositions { get; init; }

    /// <summary>LayerNorm (GPT-2) or RMSNorm (LLaMA) epsilon.</summary>
    public double NormEpsilon { get; init; } = 1e-5;

    /// <summary>RoPE base frequency (LLaMA/Mistral).</summary>
    public double RopeTheta { get; init; } = 10000;

    /// <summary>Whether the output projection shares the token embedding (always true for GPT-2).</summary>
    public bool TieWordEmbeddings { get; init; }

    /// <summary>Mistral's attention window; null for full causal attention.</summary>
    public int? SlidingWindow { get; init; }

    /// <summary>Beginning-of-sequence token id, if any.</summary>
    public int? BosTokenId { get; init; }

    /// <summary>End-of-sequence token id, if any.</summary>
    public int? EosTokenId { get; init; }

    /// <summary>Padding token id, if any.</summary>
    public int? PadTokenId { get; init; }

    /// <summary>Standard deviation of the normal initialisation of fresh weights.</summary>
    public double InitializerRange { get; init; } = 0.02;

    /// <summary>Width of one attention head.</summary>
    public int HeadDim => HiddenSize / NumHeads;

    /// <summary>Whether this is a GPT-2 layout (otherwise LLaMA/Mistral).</summary>
    public bool IsGpt2 => ModelType == "gpt2";

    /// <summary>Checks the sizes agree with each other; throws with the offending field named.</summary>
    public ModelConfig Validate(string source = "config")
    {
        void Require(bool ok, string message)
        {
            if (!ok) throw new InvalidDataException($"{source}: {message}");
        }
        Require(ModelType is "gpt2" or "llama" or "mistral", $"model_type '{ModelType}' is not supported (gpt2, llama, mistral).");
        Require(VocabSize > 0 && HiddenSize > 0 && IntermediateSize > 0 && NumLayers > 0 && NumHeads > 0 && MaxPositions > 0,
            "vocab, hidden, intermediate, layer, head and position sizes must be positive.");
        Require(HiddenSize % NumHeads == 0, $"hidden size {HiddenSize} is not divisible by {NumHeads} heads.");
        Require(NumKeyValueHeads > 0 && NumHeads % NumKeyValueHeads == 0,
            $"num_key_value_heads {NumKeyValueHeads} must divide num_attention_heads {NumHeads}.");
        Require(!IsGpt2 || NumKeyValueHeads == NumHeads, "GPT-2 has no grouped-query attention.");
        Require(IsGpt2 || HeadDim % 2 == 0, $"RoPE needs an even head size, got {HeadDim}.");
        Require(SlidingWindow is null or > 0, "sliding_window must be positive.");
        return this;
    }

    /// <summary>Reads <c>config.json</c> from a model folder (or a path to the file itself).</summary>
    /// <exception cref="InvalidDataException">A required key is missing or has the wrong type; the message names it.</exception>
    public static ModelConfig Load(string folderOrFile)
    {
        string path = Directory.Exists(folderOrFile) ? Path.Combine(folderOrFile, FileName) : folderOrFile;
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found: a model folder needs {FileName}.", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses the JSON text of a Hugging Face config.</summary>
    public static ModelConfig Parse(string json, string source = "config.json")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"{source}: must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({ex.Message}).", ex);
        }
        var keys = new ConfigKeys(root, source);
        string type = keys.String("model_type");
        ModelConfig config = type == "gpt2"
            ? new ModelConfig
            {
                ModelType = type,
                VocabSize = keys.Int("vocab_size"),
                HiddenSize = keys.Int("n_embd"),
                IntermediateSize = keys.OptionalInt("n_inner") ?? 4 * keys.Int("n_embd"),
                NumLayers = keys.Int("n_layer"),
                NumHeads = keys.Int("n_head"),
                NumKeyValueHeads = keys.Int("n_head"),
                MaxPositions = keys.Int("n_positions"),
                NormEpsilon = keys.OptionalDouble("layer_norm_epsilon") ?? 1e-5,
                TieWordEmbeddings = true,
                BosTokenId = keys.OptionalInt("bos_token_id"),
                EosTokenId = keys.OptionalInt("eos_token_id"),
                PadTokenId = keys.OptionalInt("pad_token_id"),
                InitializerRange = keys.OptionalDouble("initializer_range") ?? 0.02,
            }
            : new ModelConfig
            {
                ModelType = type,
                VocabSize = keys.Int("vocab_size"),
                HiddenSize = keys.Int("hidden_size"),
                IntermediateSize = keys.Int("intermediate_size"),
                NumLayers = keys.Int("num_hidden_layers"),
                NumHeads = keys.Int("num_attention_heads"),
                NumKeyValueHeads = keys.OptionalInt("num_key_value_heads") ?? keys.Int("num_attention_heads"),
                MaxPositions = keys.OptionalInt("max_position_embeddings") ?? 2048,
                NormEpsilon = keys.OptionalDouble("rms_norm_eps") ?? 1e-6,
                RopeTheta = keys.OptionalDouble("rope_theta") ?? 10000,
                TieWordEmbeddings = keys.OptionalBool("tie_word_embeddings") ?? false,
                SlidingWindow = keys.OptionalInt("sliding_window"),
                BosTokenId = keys.OptionalInt("bos_token_id"),
                EosTokenId = keys.OptionalInt("eos_token_id"),
                PadTokenId = keys.OptionalInt("pad_token_id"),
                InitializerRange = keys.OptionalDouble("initializer_range") ?? 0.02,
            };
        return config.Validate(source);
    }

    /// <summary>Writes <c>config.json</c> into <paramref name="folder"/> with Hugging Face's keys for this model type.</summary>
    /// <param name="folder">Model folder.</param>
    /// <param name="torchDtype">What the weights are stored as (<c>float32</c>, <c>bfloat16</c>, <c>float16</c>), recorded as <c>torch_dtype</c>.</param>
    public void Save(string folder, string torchDtype = "float32")
    {
        Directory.CreateDirectory(folder);
        var root = IsGpt2
            ? new JsonObject
            {
                ["architectures"] = new JsonArray("GPT2LMHeadModel"),
                ["model_type"] = "gpt2",
                ["vocab_size"] = VocabSize,
                ["n_embd"] = HiddenSize,
                ["n_inner"] = IntermediateSize,
                ["n_layer"] = NumLayers,
                ["n_head"] = NumHeads,
                ["n_positions"] = MaxPositions,
                ["n_ctx"] = MaxPositions,
                ["layer_norm_epsilon"] = NormEpsilon,
                ["activation_function"] = "gelu_new",
                ["tie_word_embeddings"] = true,
            }
            : new JsonObject
            {
                ["architectures"] = new JsonArray(ModelType == "mistral" ? "MistralForCausalLM" : "LlamaForCausalLM"),
                ["model_type"] = ModelType,
                ["vocab_size"] = VocabSize,
                ["hidden_size"] = HiddenSize,
                ["intermediate_size"] = IntermediateSize,
                ["num_hidden_layers"] = NumLayers,
                ["num_attention_heads"] = NumHeads,
                ["num_key_value_heads"] = NumKeyValueHeads,
                ["max_position_embeddings"] = MaxPositions,
                ["rms_norm_eps"] = NormEpsilon,
                ["rope_theta"] = RopeTheta,
                ["tie_word_embeddings"] = TieWordEmbeddings,
                ["hidden_act"] = "silu",
                ["sliding_window"] = SlidingWindow,
            };
        root["initializer_range"] = InitializerRange;
        root["bos_token_id"] = BosTokenId;
        root["eos_token_id"] = EosTokenId;
        if (PadTokenId is not null) root["pad_token_id"] = PadTokenId;
        root["torch_dtype"] = torchDtype;
        File.WriteAllText(Path.Combine(folder, FileName), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
