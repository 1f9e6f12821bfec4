// How to pick tokens and when to stop; the knobs of Hugging Face's GenerationConfig that Shifa supports.
namespace Shifa.Modeling.Generation;

/// <summary>
/// Decoding settings. Temperature 0 is greedy decoding; otherwise logits are penalised for repetition, divided by the
/// temperature, cut to the top-k and the top-p nucleus, and sampled.
/// </summary>
public sealed record GenerationOptions
{
    private readonly int _maxNewTokens = 256;
    private readonly double _temperature;
    private readonly int _topK;
    private readonly double _topP = 1;
    private readonly double _repetitionPenalty = 1;

    /// <summary>Most tokens to generate (default 256).</summary>
    public int MaxNewTokens
    {
        get => _maxNewTokens;
        init => _maxNewTokens = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxNewTokens), value, "Generate at least one token.");
    }

    /// <summary>Softmax temperature; 0 (the default) picks the most likely token every step.</summary>
    public double Temperature
    {
        get => _temperature;
        init => _temperature = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Temperature), value, "Temperature cannot be negative.");
    }

    /// <summary>Keep only the k most likely tokens before sampling; 0 keeps all.</summary>
    public int TopK
    {
        get => _topK;
        init => _topK = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(TopK), value, "top-k cannot be negative.");
    }

    /// <summary>Keep the smallest set of tokens whose probability reaches p; 1 keeps all.</summary>
    public double TopP
    {
        get => _topP;
        init => _topP = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(TopP), value, "top-p must be in (0, 1].");
    }

    /// <summary>CTRL-style penalty (&gt; 1 discourages) on tokens already in the prompt or output; 1 disables it.</summary>
    public double RepetitionPenalty
    {
        get => _repetitionPenalty;
        init => _repetitionPenalty = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(RepetitionPenalty), value, "Repetition penalty must be positive.");
    }

    /// <summary>Texts that end generation; the stop text itself is not returned.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>Token ids that end generation (the tokenizer's EOS is always one); not returned.</summary>
    public IReadOnlyList<int> StopTokenIds { get; init; } = [];

    /// <summary>Seed of the sampling generator, for reproducible sampling; null draws a fresh seed.</summary>
    public long? Seed { get; init; }

    /// <summary>Reuse keys and values of earlier positions (default); false recomputes the whole sequence each step.</summary>
    public bool UseKvCache { get; init; } = true;
}
