// Local sentence-embedding model: a folder with model.onnx and a tokenizer, run by ONNX Runtime with masked mean pooling.
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using Shifa.Core.Hashing;

namespace Shifa.Curation.Embeddings;

/// <summary>
/// Embeds text with an exported sentence-embedding model (e.g. a multilingual MiniLM or E5 export):
/// <c>model.onnx</c> with inputs <c>input_ids</c>, <c>attention_mask</c> and optionally
/// <c>token_type_ids</c>; its first output is either token states <c>[batch, seq, dim]</c>
/// (mean-pooled over the attention mask, as sentence-transformers does) or pooled vectors <c>[batch, dim]</c>.
/// The tokenizer is <c>vocab.txt</c> (WordPiece/BERT) or <c>sentencepiece.bpe.model</c>.
/// </summary>
public sealed class OnnxEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession _session;
    private readonly Tokenizer _tokenizer;
    private readonly string _output;
    private readonly bool _tokenTypes;
    private readonly EmbeddingGeneratorMetadata _metadata;

    private OnnxEmbedder(InferenceSession session, Tokenizer tokenizer, int maxTokens, string fingerprint, string folder)
    {
        _session = session;
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
        Fingerprint = fingerprint;
        foreach (var required in (string[])["input_ids", "attention_mask"])
        {
            if (!session.InputMetadata.ContainsKey(required))
            {
                throw new InvalidDataException($"{Path.Combine(folder, "model.onnx")}: the model has no '{required}' input (inputs: {string.Join(", ", session.InputMetadata.Keys)}); export a sentence-embedding model with input_ids and attention_mask.");
            }
        }

        _tokenTypes = session.InputMetadata.ContainsKey("token_type_ids");
        _output = session.OutputMetadata.Keys.FirstOrDefault(k => k is "last_hidden_state" or "token_embeddings") ?? session.OutputMetadata.Keys.First();
        var dims = session.OutputMetadata[_output].Dimensions;
        Dimensions = dims.Length > 0 && dims[^1] > 0 ? dims[^1] : null;
        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(Path.GetFullPath(folder)), Path.GetFileName(Path.GetFullPath(folder)), Dimensions);
    }

    /// <summary>Longest token sequence per text (longer texts are truncated).</summary>
    public int MaxTokens { get; }

    /// <summary>Vector length when the model declares it.</summary>
    public int? Dimensions { get; }

    /// <summary>Hash of the model and tokenizer files and <see cref="MaxTokens"/>.</summary>
    public string Fingerprint { get; }

    /// <summary>Loads <c>model.onnx</c> and its tokenizer from <paramref name="folder"/>.</summary>
    public static OnnxEmbedder Load(string folder, int maxTokens = 256)
    {
        var model = Path.Combine(folder, "model.onnx");
        if (!File.Exists(model))
        {
            throw new FileNotFoundException($"No model.onnx in '{folder}'. Put an exported sentence-embedding model there (model.onnx plus vocab.txt or sentencepiece.bpe.model).", model);
        }

        var vocab = Path.Combine(folder, "vocab.txt");
        var spm = Path.Combine(folder, "sentencepiece.bpe.model");
        Tokenizer tokenizer;
        string tokenizerFile;
        if (File.Exists(vocab))
        {
            tokenizer = BertTokenizer.Create(vocab, new BertOptions { LowerCaseBeforeTokenization = true });
            tokenizerFile = vocab;
        }
        else if (File.Exists(spm))
        {
            using var s = File.OpenRead(spm);
            tokenizer = SentencePieceTokenizer.Create(s, true, true);
            tokenizerFile = spm;
        }
        else
        {
            throw new FileNotFoundException($"No tokenizer in '{folder}': expected vocab.txt (WordPiece) or sentencepiece.bpe.model.", vocab);
        }

        var fingerprint = ContentHash.Short(16, "onnx/v1", ContentHash.OfFile(model), ContentHash.OfFile(tokenizerFile), maxTokens.ToString());
        return new OnnxEmbedder(new InferenceSession(model), tokenizer, maxTokens, fingerprint, folder);
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        // Sentence-transformers pool over [CLS] … [SEP] too, so BERT vocabularies get their special tokens.
        var ids = texts.Select(t => _tokenizer is BertTokenizer bert
            ? bert.EncodeToIds(t, MaxTokens, addSpecialTokens: true, out _, out _)
            : _tokenizer.EncodeToIds(t, MaxTokens, out _, out _)).ToList();
        var seq = Math.Max(1, ids.Max(x => (int?)x.Count) ?? 1);
        var batch = texts.Count;
        var inputIds = new long[batch * seq];
        var mask = new long[batch * seq];
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < ids[b].Count; t++)
            {
                inputIds[b * seq + t] = ids[b][t];
                mask[b * seq + t] = 1;
            }
        }

        long[] shape = [batch, seq];
        var inputs = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = OrtValue.CreateTensorValueFromMemory(inputIds, shape),
            ["attention_mask"] = OrtValue.CreateTensorValueFromMemory(mask, shape),
        };
        if (_tokenTypes)
        {
            inputs["token_type_ids"] = OrtValue.CreateTensorValueFromMemory(new long[batch * seq], shape);
        }

        try
        {
            using var run = new RunOptions();
            using var outputs = _session.Run(run, inputs, [_output]);
            var output = outputs[0];
            var outShape = output.GetTensorTypeAndShape().Shape;
            var data = output.GetTensorDataAsSpan<float>();
            var result = new GeneratedEmbeddings<Embedding<float>>();
            if (outShape.Length == 3)
            {
                var dim = (int)outShape[2];
                var pooled = MeanPool(data, batch, (int)outShape[1], dim, mask);
                for (var b = 0; b < batch; b++)
                {
                    result.Add(new Embedding<float>(pooled.AsMemory(b * dim, dim)) { ModelId = _metadata.DefaultModelId });
                }
            }
            else if (outShape.Length == 2)
            {
                var dim = (int)outShape[1];
                for (var b = 0; b < batch; b++)
                {
                    result.Add(new Embedding<float>(data.Slice(b * dim, dim).ToArray()) { ModelId = _metadata.DefaultModelId });
                }
            }
            else
            {
                throw new InvalidDataException($"Output '{_output}' has shape [{string.Join(", ", outShape)}]; expected [batch, seq, dim] or [batch, dim].");
            }

            return Task.FromResult(result);
        }
        finally
        {
            foreach (var v in inputs.Values)
            {
                v.Dispose();
            }
        }
    }

    /// <summary>Mean of the token vectors whose mask is 1, per sequence (sentence-transformers' mean pooling).</summary>
    public static float[] MeanPool(ReadOnlySpan<float> hidden, int batch, int seq, int dim, ReadOnlySpan<long> mask)
    {
        var pooled = new float[batch * dim];
        for (var b = 0; b < batch; b++)
        {
            var count = 0;
            var dest = pooled.AsSpan(b * dim, dim);
            for (var t = 0; t < seq; t++)
            {
                if (mask[b * seq + t] == 0)
                {
                    continue;
                }

                count++;
                System.Numerics.Tensors.TensorPrimitives.Add(dest, hidden.Slice((b * seq + t) * dim, dim), dest);
            }

            if (count > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(dest, count, dest);
            }
        }

        return pooled;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata :
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
