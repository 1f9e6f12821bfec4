// A GGUF model run by llama.cpp through LLamaSharp: tokenize, feed ids, read logits.
using LLama;
using LLama.Common;
using LLama.Native;

namespace Shifa.Interop.Runtime;

/// <summary>
/// One GGUF file loaded into llama.cpp with one sequence. Ids go in directly (no text round trip), so results can be
/// compared token for token with Shifa's own forward pass.
/// </summary>
public sealed class LlamaCppModel : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly LLamaBatch _batch = new();

    private LlamaCppModel(string path, LLamaWeights weights, LLamaContext context)
    {
        Path = path;
        _weights = weights;
        _context = context;
        VocabSize = weights.Vocab.Count;
    }

    /// <summary>The GGUF file.</summary>
    public string Path { get; }

    /// <summary>Number of tokens (logit width).</summary>
    public int VocabSize { get; }

    /// <summary>Tokens currently in the context.</summary>
    public int Position { get; private set; }

    /// <summary>The loaded weights (for LLamaSharp APIs such as chat templates).</summary>
    public LLamaWeights Weights => _weights;

    /// <summary>The context (for LLamaSharp sampling).</summary>
    public LLamaContext Context => _context;

    /// <summary>Loads <paramref name="ggufPath"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">llama.cpp refused the file; the message carries llama.cpp's reasons.</exception>
    public static LlamaCppModel Load(string ggufPath, LlamaCppModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(ggufPath);
        if (!File.Exists(ggufPath)) throw new FileNotFoundException($"GGUF file '{ggufPath}' not found.", ggufPath);
        options ??= new LlamaCppModelOptions();
        LlamaNativeLog.EnsureInstalled();
        LlamaNativeLog.Clear();
        var parameters = new ModelParams(ggufPath)
        {
            ContextSize = options.ContextSize,
            BatchSize = options.ContextSize,
            UBatchSize = options.ContextSize,
            Threads = options.Threads,
            BatchThreads = options.Threads,
            GpuLayerCount = 0,
        };
        if (options.Embeddings)
        {
            parameters.Embeddings = true;
            parameters.PoolingType = LLamaPoolingType.None;
        }
        if (options.ExactAttention)
        {
            parameters.TypeK = GGMLType.GGML_TYPE_F32;
            parameters.TypeV = GGMLType.GGML_TYPE_F32;
            parameters.FlashAttention = false;
        }
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception ex) when (ex is LLama.Exceptions.LoadWeightsFailedException or LLama.Exceptions.RuntimeError)
        {
            throw new InvalidDataException(
                $"llama.cpp could not load '{ggufPath}': {string.Join(" | ", LlamaNativeLog.RecentProblems().TakeLast(5))}", ex);
        }
        try
        {
            return new LlamaCppModel(ggufPath, weights, weights.CreateContext(parameters));
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>
    /// llama.cpp's tokenization of <paramref name="text"/>; special-token strings become their ids when <paramref name="parseSpecial"/>,
    /// and with <paramref name="addBos"/> a BOS is prepended if the file asks for one (<c>tokenizer.ggml.add_bos_token</c>).
    /// </summary>
    public int[] Tokenize(string text, bool parseSpecial = true, bool addBos = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _context.Tokenize(text, addBos: addBos, special: parseSpecial).Select(t => (int)t).ToArray();
    }

    /// <summary>Empties the context and evaluates <paramref name="ids"/> from position 0; returns the logits after every token.</summary>
    public float[][] Evaluate(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) throw new ArgumentException("Give at least one token id.", nameof(ids));
        Reset();
        _batch.Clear();
        for (int i = 0; i < ids.Count; i++) _batch.Add(CheckId(ids[i]), Position + i, LLamaSeqId.Zero, logits: true);
        Decode(ids.Count);
        return Enumerable.Range(0, ids.Count).Select(i => _context.NativeHandle.GetLogitsIth(i).ToArray()).ToArray();
    }

    /// <summary>Appends <paramref name="ids"/> after what the context holds and returns the logits after the last one.</summary>
    public float[] Append(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) throw new ArgumentException("Give at least one token id.", nameof(ids));
        _batch.Clear();
        for (int i = 0; i < ids.Count; i++) _batch.Add(CheckId(ids[i]), Position + i, LLamaSeqId.Zero, logits: i == ids.Count - 1);
        Decode(ids.Count);
        return _context.NativeHandle.GetLogitsIth(_batch.TokenCount - 1).ToArray();
    }

    /// <summary>
    /// Runs an encoder model (opened with <see cref="LlamaCppModelOptions.Embeddings"/>) over <paramref name="ids"/> and
    /// returns the hidden state of every token (time × hidden).
    /// </summary>
    public float[][] Embed(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) throw new ArgumentException("Give at least one token id.", nameof(ids));
        Reset();
        _batch.Clear();
        for (int i = 0; i < ids.Count; i++) _batch.Add(CheckId(ids[i]), i, LLamaSeqId.Zero, logits: true);
        var result = _context.Encode(_batch);
        if (result != EncodeResult.Ok) throw new InvalidOperationException($"llama.cpp encode failed ({result}).");
        return Enumerable.Range(0, ids.Count).Select(i => _context.NativeHandle.GetEmbeddingsIth(i).ToArray()).ToArray();
    }

    /// <summary>Drops everything from the context.</summary>
    public void Reset()
    {
        _context.NativeHandle.MemoryClear(true);
        Position = 0;
    }

    /// <summary>Whether llama.cpp treats <paramref name="id"/> as the end of a turn (EOS, EOT or an end marker).</summary>
    public bool IsEndOfGeneration(int id) => ((LLamaToken)id).IsEndOfGeneration(_weights.Vocab);

    /// <summary>The bytes of one token as text pieces are joined by a streaming decoder.</summary>
    public StreamingTokenDecoder CreateDecoder() => new(_context);

    /// <inheritdoc />
    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
    }

    private LLamaToken CheckId(int id) => id >= 0 && id < VocabSize
        ? (LLamaToken)id
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id outside the vocabulary of {VocabSize}.");

    private void Decode(int count)
    {
        if (Position + count > _context.ContextSize)
        {
            throw new InvalidOperationException($"The context holds {_context.ContextSize} tokens; {Position} used and {count} more requested.");
        }
        var result = _context.Decode(_batch);
        if (result != DecodeResult.Ok) throw new InvalidOperationException($"llama.cpp decode failed ({result}) at position {Position}.");
        Position += count;
    }
}
