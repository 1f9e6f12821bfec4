// Settings of a llama.cpp context opened by LlamaCppModel.
namespace Shifa.Interop.Runtime;

/// <summary>How <see cref="LlamaCppModel"/> opens a GGUF file.</summary>
public sealed record LlamaCppModelOptions
{
    private readonly uint _contextSize = 2048;
    private readonly int _threads = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Tokens the context holds (prompt plus generated text).</summary>
    public uint ContextSize
    {
        get => _contextSize;
        init => _contextSize = value >= 16 ? value : throw new ArgumentOutOfRangeException(nameof(ContextSize), value, "A context needs at least 16 tokens.");
    }

    /// <summary>CPU threads llama.cpp uses.</summary>
    public int Threads
    {
        get => _threads;
        init => _threads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threads), value, "Use at least one thread.");
    }

    /// <summary>
    /// Keep the KV cache in f32 and flash attention off. llama.cpp's defaults (f16 cache, automatic flash attention)
    /// move logits by about 1e-2, which hides real differences when checking a model against Shifa's forward.
    /// </summary>
    public bool ExactAttention { get; init; } = true;

    /// <summary>Open an encoder (BERT) for per-token hidden states instead of logits.</summary>
    public bool Embeddings { get; init; }
}
