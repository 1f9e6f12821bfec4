// Exports LLaMA- and GPT-2-architecture Shifa models to GGUF for llama.cpp (names and Q/K permutation as llama.cpp's convert_hf_to_gguf.py).
using System.Text.Json.Nodes;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Export.Peft;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Tokenization;
using static TorchSharp.torch;

namespace Shifa.Modeling.Export.Gguf;

/// <summary>
/// Writes a LLaMA/Mistral-layout or GPT-2 <see cref="CausalLanguageModel"/> and its byte-level BPE vocabulary as a GGUF
/// file that llama.cpp (and so Ollama, LM Studio, LLamaSharp) loads with <c>general.architecture = llama</c> or <c>gpt2</c>.
/// LoRA adapters are merged into the base weights first.
/// </summary>
public static class GgufExporter
{
    // llama.cpp's LLAMA_TOKEN_TYPE values.
    private const int TokenNormal = 1;
    private const int TokenControl = 3;
    private const int TokenUnused = 5;

    /// <summary>Exports the model folder <paramref name="modelFolder"/> (config.json, safetensors, tokenizer files), with an optional PEFT adapter merged in.</summary>
    /// <exception cref="NotSupportedException">The model is not LLaMA-layout or the tokenizer is not byte-level BPE.</exception>
    public static GgufExportResult ExportFolder(string modelFolder, string outputPath, GgufExportOptions? options = null, string? adapterFolder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelFolder);
        if (!HfTokenizerReader.HasByteLevelBpe(modelFolder))
        {
            throw new NotSupportedException($"{modelFolder}: no byte-level BPE tokenizer (tokenizer.json or vocab.json + merges.txt); GGUF export writes the vocabulary as tokenizer.ggml.model = gpt2.");
        }
        var vocabulary = HfTokenizerReader.Read(modelFolder);
        using var model = CausalLanguageModel.Load(modelFolder);
        if (adapterFolder is not null) PeftAdapterFormat.Load(model, adapterFolder);
        options ??= new GgufExportOptions();
        options = options with { ChatTemplate = options.ChatTemplate ?? ReadChatTemplate(modelFolder) };
        return Export(model, vocabulary, outputPath, options);
    }

    /// <summary>Exports an in-memory model and vocabulary. Attached LoRA adapters are merged into <paramref name="model"/>.</summary>
    public static GgufExportResult Export(CausalLanguageModel model, ByteLevelBpeModel vocabulary, string outputPath, GgufExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        options ??= new GgufExportOptions();
        var config = model.Config;
        if (config.SlidingWindow is int window && window < config.MaxPositions)
        {
            throw new NotSupportedException($"llama.cpp's llama architecture has no sliding window; this model attends over {window} of {config.MaxPositions} positions.");
        }
        if (vocabulary.VocabularySize > config.VocabSize)
        {
            throw new ArgumentException($"The vocabulary has {vocabulary.VocabularySize} ids but the model embeds only {config.VocabSize}.", nameof(vocabulary));
        }

        var warnings = new List<string>();
        var writer = new GgufWriter();
        string pre = PreTokenizerOf(vocabulary, warnings);
        WriteModelMetadata(writer, config, options, outputPath);
        WriteTokenizerMetadata(writer, config, vocabulary, pre, options.ChatTemplate);

        LoraAdapter.Merge(model);
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            foreach (var (name, tensor) in model.state_dict())
            {
                if (CausalLanguageModel.IsAdapterName(name)) continue;
                string ggufName = config.IsGpt2 ? GgufTensorNames.ForGpt2(name) : GgufTensorNames.ForLlama(name);
                var weight = tensor.detach().to(ScalarType.Float32).cpu();
                if (config.IsGpt2 && GgufTensorNames.IsGpt2Conv1D(name)) weight = weight.t();   // Conv1D stores (in, out); ggml wants (out, in)
                else if (ggufName.EndsWith(".attn_q.weight", StringComparison.Ordinal)) weight = PermuteForAdjacentPairs(weight, config.NumHeads);
                else if (ggufName.EndsWith(".attn_k.weight", StringComparison.Ordinal)) weight = PermuteForAdjacentPairs(weight, config.NumKeyValueHeads);
                var shape = weight.shape;
                var type = shape.Length == 1 ? GgufTensorType.F32 : options.TensorType;
                if (type == GgufTensorType.Q8_0 && shape[^1] % GgufTensorEncoding.Q8BlockSize != 0)
                {
                    warnings.Add($"{ggufName}: rows of {shape[^1]} are not a multiple of 32; stored as F16 instead of Q8_0.");
                    type = GgufTensorType.F16;
                }
                writer.AddTensor(ggufName, shape, weight.contiguous().data<float>().ToArray(), type);
            }
        }
        writer.Write(outputPath);
        return new GgufExportResult(outputPath, new FileInfo(outputPath).Length, writer.TensorNames.Count(), writer.Keys.Count(), pre, warnings);
    }

    /// <summary>
    /// Reorders the rows of a Q or K projection (heads × head_dim, hidden) from Hugging Face's rotate-half layout,
    /// where dimension i pairs with i + d/2, to llama.cpp's, where 2i pairs with 2i + 1 — the permutation
    /// llama.cpp's converter applies, so both compute the same attention scores.
    /// </summary>
    public static Tensor PermuteForAdjacentPairs(Tensor weight, int heads)
    {
        ArgumentNullException.ThrowIfNull(weight);
        long rows = weight.shape[0];
        long half = rows / heads / 2;
        return weight.reshape(heads, 2, half, weight.shape[1])   // (H, 2, hd/2, C)
                     .transpose(1, 2)                             // (H, hd/2, 2, C)
                     .reshape(rows, weight.shape[1]);             // (H·hd, C)
    }

    private static string PreTokenizerOf(ByteLevelBpeModel vocabulary, List<string> warnings)
    {
        if (vocabulary.Pattern == ByteLevelPreTokenizer.Gpt2Pattern) return "gpt-2";
        if (vocabulary.Pattern == ByteLevelPreTokenizer.Qwen35Pattern) return "qwen35";
        if (vocabulary.Pattern == ByteLevelPreTokenizer.ShifaPattern)
        {
            // llama.cpp selects its split expression by name and none of its names is this one: GPT-2's is the nearest.
            warnings.Add("This vocabulary was trained with Shifa's earlier split, which llama.cpp cannot reproduce: text with Arabic " +
                         "diacritics (harakat, shadda) will be split differently from Shifa's tokenizer; text without them tokenizes " +
                         "identically. Vocabularies trained now use llama.cpp's qwen35 split and match exactly.");
            return "gpt-2";
        }
        throw new NotSupportedException(
            $"The vocabulary's split pattern is none of GPT-2's, Qwen3.5's or Shifa's, and llama.cpp cannot be told a custom one: {vocabulary.Pattern}");
    }

    private static void WriteModelMetadata(GgufWriter w, ModelConfig config, GgufExportOptions options, string outputPath)
    {
        string arch = config.IsGpt2 ? "gpt2" : "llama";
        w.Add("general.architecture", GgufMetadataValue.String(arch));
        w.Add("general.name", GgufMetadataValue.String(options.Name ?? Path.GetFileNameWithoutExtension(outputPath)));
        w.Add("general.file_type", GgufMetadataValue.UInt32(options.TensorType switch
        {
            GgufTensorType.F16 => 1u,
            GgufTensorType.Q8_0 => 7u,
            _ => 0u,
        }));
        if (options.TensorType == GgufTensorType.Q8_0) w.Add("general.quantization_version", GgufMetadataValue.UInt32(2));
        w.Add($"{arch}.vocab_size", GgufMetadataValue.UInt32((uint)config.VocabSize));
        w.Add($"{arch}.context_length", GgufMetadataValue.UInt32((uint)config.MaxPositions));
        w.Add($"{arch}.embedding_length", GgufMetadataValue.UInt32((uint)config.HiddenSize));
        w.Add($"{arch}.block_count", GgufMetadataValue.UInt32((uint)config.NumLayers));
        w.Add($"{arch}.feed_forward_length", GgufMetadataValue.UInt32((uint)config.IntermediateSize));
        w.Add($"{arch}.attention.head_count", GgufMetadataValue.UInt32((uint)config.NumHeads));
        if (config.IsGpt2)
        {
            w.Add("gpt2.attention.layer_norm_epsilon", GgufMetadataValue.Float32((float)config.NormEpsilon));
            return;
        }
        w.Add("llama.attention.head_count_kv", GgufMetadataValue.UInt32((uint)config.NumKeyValueHeads));
        w.Add("llama.rope.freq_base", GgufMetadataValue.Float32((float)config.RopeTheta));
        w.Add("llama.rope.dimension_count", GgufMetadataValue.UInt32((uint)config.HeadDim));
        w.Add("llama.attention.layer_norm_rms_epsilon", GgufMetadataValue.Float32((float)config.NormEpsilon));
    }

    private static void WriteTokenizerMetadata(GgufWriter w, ModelConfig config, ByteLevelBpeModel vocabulary, string pre, string? chatTemplate)
    {
        var tokens = new string[config.VocabSize];
        var types = new int[config.VocabSize];
        foreach (var (token, id) in vocabulary.Vocabulary)
        {
            tokens[id] = token;
            types[id] = vocabulary.SpecialTokens.ContainsKey(token) ? TokenControl : TokenNormal;
        }
        for (int id = 0; id < tokens.Length; id++)
        {
            if (tokens[id] is not null) continue;
            // Embedding rows without a token (a rounded-up vocabulary) still need a unique name.
            tokens[id] = $"[PAD{id}]";
            types[id] = TokenUnused;
        }
        w.Add("tokenizer.ggml.model", GgufMetadataValue.String("gpt2"));
        w.Add("tokenizer.ggml.pre", GgufMetadataValue.String(pre));
        w.Add("tokenizer.ggml.tokens", GgufMetadataValue.Strings(tokens));
        w.Add("tokenizer.ggml.token_type", GgufMetadataValue.Int32s(types));
        w.Add("tokenizer.ggml.merges", GgufMetadataValue.Strings(vocabulary.Merges.Select(m => $"{m.Left} {m.Right}").ToArray()));
        int? eos = config.EosTokenId ?? (vocabulary.SpecialTokens.TryGetValue(SpecialTokenNames.EndOfText, out int e) ? e : null);
        int? bos = config.BosTokenId ?? eos;
        int? pad = config.PadTokenId ?? eos;
        if (bos is int b) w.Add("tokenizer.ggml.bos_token_id", GgufMetadataValue.UInt32((uint)b));
        if (eos is int x) w.Add("tokenizer.ggml.eos_token_id", GgufMetadataValue.UInt32((uint)x));
        if (pad is int p) w.Add("tokenizer.ggml.padding_token_id", GgufMetadataValue.UInt32((uint)p));
        // Shifa's generator starts a prompt with BOS exactly when config.json names a BOS id that is the vocabulary's
        // end-of-text token; llama.cpp must do the same or the two would see different prompts.
        bool addBos = config.BosTokenId is int declared && vocabulary.SpecialTokens.TryGetValue(SpecialTokenNames.EndOfText, out int endOfText) && declared == endOfText;
        w.Add("tokenizer.ggml.add_bos_token", GgufMetadataValue.Bool(addBos));
        w.Add("tokenizer.ggml.add_eos_token", GgufMetadataValue.Bool(false));
        if (!string.IsNullOrEmpty(chatTemplate)) w.Add("tokenizer.chat_template", GgufMetadataValue.String(chatTemplate));
    }

    private static string? ReadChatTemplate(string modelFolder)
    {
        string jinja = Path.Combine(modelFolder, "chat_template.jinja");
        if (File.Exists(jinja)) return File.ReadAllText(jinja);
        string configPath = Path.Combine(modelFolder, "tokenizer_config.json");
        if (!File.Exists(configPath)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(configPath))?["chat_template"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"{configPath}: not valid JSON ({ex.Message}).", ex);
        }
    }
}
