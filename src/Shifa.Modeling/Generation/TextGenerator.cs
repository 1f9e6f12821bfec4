// Autoregressive decoding over a causal language model: token loop with KV cache, text streaming with stop sequences.
using System.Runtime.CompilerServices;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Generation;

/// <summary>
/// Generates text from a model and its tokenizer. One instance serves one caller at a time (a model's forward pass is
/// not re-entrant); <see cref="LocalChatClient"/> serialises concurrent requests.
/// </summary>
public sealed class TextGenerator
{
    private readonly CausalLanguageModel _model;
    private readonly ITextTokenizer _tokenizer;

    /// <summary>Creates a generator for <paramref name="model"/> with <paramref name="tokenizer"/>.</summary>
    public TextGenerator(CausalLanguageModel model, ITextTokenizer tokenizer)
    {
        _model = model;
        _tokenizer = tokenizer;
        if (tokenizer.VocabSize > model.Config.VocabSize)
        {
            throw new ArgumentException(
                $"The tokenizer has {tokenizer.VocabSize} tokens but the model only {model.Config.VocabSize} embeddings: they do not belong together.",
                nameof(tokenizer));
        }
    }

    /// <summary>The model generated from.</summary>
    public CausalLanguageModel Model => _model;

    /// <summary>The tokenizer used to encode prompts and decode output.</summary>
    public ITextTokenizer Tokenizer => _tokenizer;

    /// <summary>
    /// Generates token ids after <paramref name="promptIds"/> until a stop token (EOS or <see cref="GenerationOptions.StopTokenIds"/>,
    /// not yielded), the token budget, or the model's context length.
    /// </summary>
    public IEnumerable<int> GenerateTokens(IReadOnlyList<int> promptIds, GenerationOptions options, CancellationToken cancellationToken = default)
        => Steps(promptIds, options, new GenerationState(), cancellationToken);

    /// <summary>Streams the generated text as it is produced, stop sequences removed.</summary>
    public async IAsyncEnumerable<string> StreamAsync(string prompt, GenerationOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var delta in StreamCore(prompt, options ?? new GenerationOptions(), new GenerationState(), cancellationToken))
        {
            yield return delta;
        }
    }

    /// <summary>Generates the whole completion of <paramref name="prompt"/>.</summary>
    public async Task<GenerationResult> GenerateAsync(string prompt, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new GenerationState();
        var text = new System.Text.StringBuilder();
        await foreach (var delta in StreamCore(prompt, options ?? new GenerationOptions(), state, cancellationToken))
        {
            text.Append(delta);
        }
        return new GenerationResult(text.ToString(), state.Tokens, state.PromptTokens, state.Finish);
    }

    internal async IAsyncEnumerable<string> StreamCore(string prompt, GenerationOptions options, GenerationState state,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int[] promptIds = _tokenizer.Encode(prompt);
        if (_tokenizer.BosId is int bos && _model.Config.BosTokenId == bos && (promptIds.Length == 0 || promptIds[0] != bos))
        {
            // LLaMA-family models were trained with BOS first; GPT-2 style configs have no BOS id in config.json.
            promptIds = [bos, .. promptIds];
        }
        state.PromptTokens = promptIds.Length;
        var stops = options.StopSequences.Where(s => s.Length > 0).ToList();
        int longestStop = stops.Count == 0 ? 0 : stops.Max(s => s.Length);
        int emitted = 0;
        string text = "";
        foreach (int token in Steps(promptIds, options, state, cancellationToken))
        {
            text = _tokenizer.Decode(state.Tokens);
            int stopAt = FirstStop(text, stops, Math.Max(0, emitted - longestStop));
            if (stopAt >= 0)
            {
                if (stopAt > emitted) yield return text[emitted..stopAt];
                state.Finish = FinishReason.Stop;
                yield break;
            }
            int safe = text.Length - HeldBack(text, stops);
            // A trailing U+FFFD is usually half of a multi-byte character whose other bytes are still to come.
            while (safe > emitted && text[safe - 1] == '\uFFFD') safe--;
            if (safe > emitted)
            {
                yield return text[emitted..safe];
                emitted = safe;
            }
            await Task.Yield();
        }
        if (text.Length > emitted) yield return text[emitted..];
    }

    private IEnumerable<int> Steps(IReadOnlyList<int> promptIds, GenerationOptions options, GenerationState state,
        CancellationToken cancellationToken)
    {
        if (promptIds.Count == 0) throw new ArgumentException("The prompt encodes to no tokens.", nameof(promptIds));
        if (promptIds.Count >= _model.Config.MaxPositions)
        {
            throw new ArgumentException(
                $"The prompt has {promptIds.Count} tokens; the model's context holds {_model.Config.MaxPositions}. Shorten the prompt.",
                nameof(promptIds));
        }
        var stopIds = new HashSet<int>(options.StopTokenIds);
        if (_tokenizer.EosId is int eos) stopIds.Add(eos);
        var sampler = new TokenSampler(options);
        var context = new List<int>(promptIds);
        // Room for the whole generation up front, so the cache never re-allocates while decoding.
        int capacity = Math.Min(_model.Config.MaxPositions, promptIds.Count + Math.Max(options.MaxNewTokens, 1));
        using var cache = options.UseKvCache ? new KvCache(_model.Config.NumLayers, capacity) : null;
        var device = _model.parameters().First().device;
        using var step = cache is null ? null : LlamaDecodeStep.TryCreate(_model, capacity);
        state.Finish = FinishReason.Length;
        for (int produced = 0; produced < options.MaxNewTokens && context.Count < _model.Config.MaxPositions; produced++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int next = NextToken(context, cache, step, sampler, device);
            if (stopIds.Contains(next))
            {
                state.Finish = FinishReason.Stop;
                yield break;
            }
            context.Add(next);
            state.Tokens.Add(next);
            yield return next;
        }
    }

    /// <summary>
    /// One forward step: feeds what the cache has not seen (everything without a cache) and picks a token. A single new
    /// token after the prompt goes through <paramref name="step"/> when the model has one.
    /// </summary>
    private int NextToken(List<int> context, KvCache? cache, LlamaDecodeStep? step, TokenSampler sampler, Device device)
    {
        bool wasTraining = _model.training;
        if (wasTraining) _model.eval();
        try
        {
            // Inference mode skips autograd's version counters and view tracking on every op, which at batch 1 is a
            // measurable share of a step. It is thread-local, so it is entered and left within this synchronous call.
            using var inference = inference_mode();
            using var scope = NewDisposeScope();
            int start = cache is null ? 0 : (int)cache.Length;
            if (step is not null && cache is not null && start == context.Count - 1)
            {
                return sampler.Next(step.Next(context[^1], cache), context);                                     // one new token
            }
            var input = tensor(context.Skip(start).Select(i => (long)i).ToArray(), device: device).unsqueeze(0);  // (1, T)
            var logits = _model.Forward(input, cache)[0, -1];                                                      // (V)
            return sampler.Next(logits, context);
        }
        finally
        {
            if (wasTraining) _model.train();
        }
    }

    private static int FirstStop(string text, List<string> stops, int from)
    {
        int best = -1;
        foreach (string stop in stops)
        {
            int at = text.IndexOf(stop, from, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        return best;
    }

    /// <summary>Length of the longest end of <paramref name="text"/> that could be the start of a stop sequence.</summary>
    private static int HeldBack(string text, List<string> stops)
    {
        int held = 0;
        foreach (string stop in stops)
        {
            for (int n = Math.Min(stop.Length - 1, text.Length); n > held; n--)
            {
                if (text.AsSpan(text.Length - n).SequenceEqual(stop.AsSpan(0, n)))
                {
                    held = n;
                    break;
                }
            }
        }
        return held;
    }

    internal sealed class GenerationState
    {
        public List<int> Tokens { get; } = [];
        public int PromptTokens { get; set; }
        public FinishReason Finish { get; set; } = FinishReason.Length;
    }
}
