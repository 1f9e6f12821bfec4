// Exports Shifa's BERT encoder to GGUF for llama.cpp's bert architecture (names as gguf-py's tensor_mapping for MODEL_ARCH.BERT).
using System.Text.Json;
using Shifa.Modeling.Architectures.Bert;
using static TorchSharp.torch;

namespace Shifa.Modeling.Export.Gguf;

/// <summary>
/// Writes a <see cref="BertModel"/> (its layers as loaded, so a truncated model exports the layer BERTScore reads) with a
/// WordPiece vocabulary as <c>general.architecture = bert</c>, non-causal, without pooling, so llama.cpp's embedding
/// output is the last hidden state.
/// </summary>
public static class GgufBertExporter
{
    private static readonly Dictionary<string, string> LayerParts = new(StringComparer.Ordinal)
    {
        ["attention.self.query"] = "attn_q",
        ["attention.self.key"] = "attn_k",
        ["attention.self.value"] = "attn_v",
        ["attention.output.dense"] = "attn_output",
        ["attention.output.LayerNorm"] = "attn_output_norm",
        ["intermediate.dense"] = "ffn_up",
        ["output.dense"] = "ffn_down",
        ["output.LayerNorm"] = "layer_output_norm",
    };

    /// <summary>Whether <paramref name="modelFolder"/>'s <c>config.json</c> declares <c>model_type = bert</c>.</summary>
    /// <exception cref="InvalidDataException">config.json is not valid JSON.</exception>
    public static bool IsBertFolder(string modelFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelFolder);
        string path = Path.Combine(modelFolder, "config.json");
        if (!File.Exists(path)) return false;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("model_type", out var type) && type.ValueKind == JsonValueKind.String
                   && type.GetString() == "bert";
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }
    }

    /// <summary>
    /// Exports a Hugging Face BERT folder (<c>config.json</c>, safetensors, <c>vocab.txt</c> or <c>tokenizer.json</c>);
    /// with <paramref name="layers"/>, only the first layers, so llama.cpp's embedding output is the hidden state of that
    /// layer (the one BERTScore reads).
    /// </summary>
    /// <exception cref="InvalidDataException">The vocabulary has gaps or lacks a special token; the message names the file.</exception>
    public static GgufExportResult ExportFolder(string modelFolder, string outputPath, int? layers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelFolder);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        var (tokens, source) = ReadVocabulary(modelFolder);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++) ids.TryAdd(tokens[i], i);
        int Special(string token) => ids.TryGetValue(token, out int id)
            ? id
            : throw new InvalidDataException($"{source}: no {token} token; llama.cpp's bert tokenizer needs [CLS], [SEP], [UNK], [PAD] and [MASK].");
        using var model = BertModel.Load(modelFolder, layers);
        return Export(model, tokens, outputPath, Special("[CLS]"), Special("[SEP]"), Special("[UNK]"), Special("[PAD]"), Special("[MASK]"));
    }

    /// <summary>Exports <paramref name="model"/> with <paramref name="vocabulary"/> (WordPiece tokens by id) to <paramref name="outputPath"/>.</summary>
    public static GgufExportResult Export(BertModel model, IReadOnlyList<string> vocabulary, string outputPath, int clsId, int sepId, int unkId, int padId, int maskId)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var config = model.Config;
        if (config.ModelType != "bert")
        {
            // llama.cpp's bert graph numbers positions from 0 and tokenizes with WordPiece; RoBERTa-family encoders do neither.
            throw new NotSupportedException(
                $"GGUF export covers BERT encoders only; this model is {config.ModelType}, whose positions start after the padding index and whose tokenizer is not WordPiece.");
        }

        if (vocabulary.Count != config.VocabSize)
        {
            throw new ArgumentException($"The vocabulary has {vocabulary.Count} tokens but the model embeds {config.VocabSize}.", nameof(vocabulary));
        }
        var w = new GgufWriter();
        w.Add("general.architecture", GgufMetadataValue.String("bert"));
        w.Add("general.name", GgufMetadataValue.String(Path.GetFileNameWithoutExtension(outputPath)));
        w.Add("bert.context_length", GgufMetadataValue.UInt32((uint)config.MaxPositionEmbeddings));
        w.Add("bert.embedding_length", GgufMetadataValue.UInt32((uint)config.HiddenSize));
        w.Add("bert.feed_forward_length", GgufMetadataValue.UInt32((uint)config.IntermediateSize));
        w.Add("bert.block_count", GgufMetadataValue.UInt32((uint)model.Layers));
        w.Add("bert.attention.head_count", GgufMetadataValue.UInt32((uint)config.NumAttentionHeads));
        w.Add("bert.attention.layer_norm_epsilon", GgufMetadataValue.Float32((float)config.LayerNormEps));
        w.Add("bert.attention.causal", GgufMetadataValue.Bool(false));
        w.Add("bert.pooling_type", GgufMetadataValue.UInt32(0));
        w.Add("tokenizer.ggml.model", GgufMetadataValue.String("bert"));
        w.Add("tokenizer.ggml.tokens", GgufMetadataValue.Strings(vocabulary));
        var specials = new HashSet<int> { clsId, sepId, unkId, padId, maskId };
        w.Add("tokenizer.ggml.token_type", GgufMetadataValue.Int32s(Enumerable.Range(0, vocabulary.Count).Select(i => specials.Contains(i) ? 3 : 1).ToArray()));
        w.Add("tokenizer.ggml.token_type_count", GgufMetadataValue.UInt32((uint)config.TypeVocabSize));
        // llama.cpp keeps CLS in the BOS slot; its BERT defaults (CLS 101, MASK 103...) would point past a small vocabulary.
        w.Add("tokenizer.ggml.bos_token_id", GgufMetadataValue.UInt32((uint)clsId));
        w.Add("tokenizer.ggml.mask_token_id", GgufMetadataValue.UInt32((uint)maskId));
        w.Add("tokenizer.ggml.seperator_token_id", GgufMetadataValue.UInt32((uint)sepId));
        w.Add("tokenizer.ggml.unknown_token_id", GgufMetadataValue.UInt32((uint)unkId));
        w.Add("tokenizer.ggml.padding_token_id", GgufMetadataValue.UInt32((uint)padId));
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            foreach (var (name, tensor) in model.state_dict())
            {
                if (name.StartsWith("embeddings.position_ids", StringComparison.Ordinal)) continue;
                var data = tensor.detach().to(ScalarType.Float32).cpu().contiguous();
                w.AddTensor(NameOf(name), data.shape, data.data<float>().ToArray(), GgufTensorType.F32);
            }
        }
        w.Write(outputPath);
        return new GgufExportResult(outputPath, new FileInfo(outputPath).Length, w.TensorNames.Count(), w.Keys.Count(), "", []);
    }

    /// <summary>Tokens by id from vocab.txt (id = line number) or tokenizer.json's WordPiece <c>model.vocab</c>, which must number 0..N−1.</summary>
    private static (string[] Tokens, string Source) ReadVocabulary(string folder)
    {
        string vocabTxt = Path.Combine(folder, "vocab.txt");
        if (File.Exists(vocabTxt)) return (File.ReadLines(vocabTxt).Select(l => l.TrimEnd('\r')).ToArray(), vocabTxt);
        string json = Path.Combine(folder, "tokenizer.json");
        if (!File.Exists(json)) throw new FileNotFoundException($"{folder}: no BERT vocabulary (vocab.txt or tokenizer.json).", vocabTxt);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        if (!doc.RootElement.TryGetProperty("model", out var m) || !m.TryGetProperty("vocab", out var v) || v.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{json}: field 'model.vocab' (a WordPiece token → id object) is missing.");
        }
        var byId = new SortedDictionary<int, string>();
        foreach (var entry in v.EnumerateObject())
        {
            if (!byId.TryAdd(entry.Value.GetInt32(), entry.Name))
            {
                throw new InvalidDataException($"{json}: model.vocab gives id {entry.Value.GetInt32()} to both '{byId[entry.Value.GetInt32()]}' and '{entry.Name}'.");
            }
        }
        int expected = 0;
        foreach (int id in byId.Keys)
        {
            if (id != expected) throw new InvalidDataException($"{json}: model.vocab has no token with id {expected}; GGUF stores tokens by position.");
            expected++;
        }
        return (byId.Values.ToArray(), json);
    }

    /// <summary>The llama.cpp name of a BERT parameter.</summary>
    public static string NameOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        switch (name)
        {
            case "embeddings.word_embeddings.weight": return "token_embd.weight";
            case "embeddings.token_type_embeddings.weight": return "token_types.weight";
            case "embeddings.position_embeddings.weight": return "position_embd.weight";
            case "embeddings.LayerNorm.weight": return "token_embd_norm.weight";
            case "embeddings.LayerNorm.bias": return "token_embd_norm.bias";
        }
        const string prefix = "encoder.layer.";
        if (name.StartsWith(prefix, StringComparison.Ordinal))
        {
            string rest = name[prefix.Length..];
            int dot = rest.IndexOf('.', StringComparison.Ordinal);
            string layer = rest[..dot];
            string body = rest[(dot + 1)..];
            int last = body.LastIndexOf('.');
            if (LayerParts.TryGetValue(body[..last], out string? part)) return $"blk.{layer}.{part}.{body[(last + 1)..]}";
        }
        throw new NotSupportedException($"Parameter '{name}' has no tensor in llama.cpp's bert architecture (the pooler is not exported).");
    }
}
