// IChatClient over a local TorchSharp model, so synthesis, judging and serving use it like any provider.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Tokenization;

namespace Shifa.Modeling.Generation;

/// <summary>
/// A chat client that renders messages with <see cref="ChatPromptFormat"/> and decodes with <see cref="TextGenerator"/>.
/// <see cref="ChatOptions"/> map to <see cref="GenerationOptions"/> (temperature, top-p, top-k, max output tokens,
/// stop sequences, seed; <c>repetition_penalty</c> through <see cref="ChatOptions.AdditionalProperties"/>).
/// Requests are served one at a time. Tool calls and structured response formats are not supported by local models
/// and are ignored; a model trained with another chat format takes its own prompt renderer.
/// </summary>
public sealed class LocalChatClient : IChatClient
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key for the repetition penalty.</summary>
    public const string RepetitionPenaltyKey = "repetition_penalty";

    private readonly TextGenerator _generator;
    private readonly GenerationOptions _defaults;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int[] _stopTokenIds;
    private readonly Func<IEnumerable<ChatMessage>, string> _renderPrompt;

    /// <summary>Creates a client over a loaded model and its tokenizer.</summary>
    /// <param name="model">The model (moved to its device already).</param>
    /// <param name="tokenizer">The tokenizer the model was trained with.</param>
    /// <param name="modelId">Name reported in metadata and responses.</param>
    /// <param name="defaults">Decoding settings used where a request's options say nothing (default: greedy, 256 tokens).</param>
    /// <param name="renderPrompt">Turns messages into the prompt text; default <see cref="ChatPromptFormat.Render"/> (Shifa's chat format).</param>
    public LocalChatClient(CausalLanguageModel model, ITextTokenizer tokenizer, string modelId, GenerationOptions? defaults = null,
        Func<IEnumerable<ChatMessage>, string>? renderPrompt = null)
    {
        _renderPrompt = renderPrompt ?? ChatPromptFormat.Render;
        _generator = new TextGenerator(model, tokenizer);
        _defaults = defaults ?? new GenerationOptions();
        Metadata = new ChatClientMetadata("shifa-local", null, modelId);
        // Where the markers are single special tokens, stop on the id; otherwise the text stop sequences catch them.
        _stopTokenIds = ChatPromptFormat.StopSequences.Select(tokenizer.Encode).Where(ids => ids.Length == 1).Select(ids => ids[0]).ToArray();
    }

    /// <summary>Provider name, model id.</summary>
    public ChatClientMetadata Metadata { get; }

    /// <summary>Loads a model folder (config.json, safetensors, tokenizer files) into a chat client.</summary>
    public static LocalChatClient Load(string folder, GenerationOptions? defaults = null) =>
        new(CausalLanguageModel.Load(folder), TokenizerLoader.Load(folder),
            Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))), defaults);

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        string prompt = _renderPrompt(messages);
        var generation = ToGenerationOptions(options);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await _generator.GenerateAsync(prompt, generation, cancellationToken).ConfigureAwait(false);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, result.Text.Trim()))
            {
                ModelId = Metadata.DefaultModelId,
                FinishReason = result.FinishReason == FinishReason.Stop ? ChatFinishReason.Stop : ChatFinishReason.Length,
                Usage = new UsageDetails
                {
                    InputTokenCount = result.PromptTokens,
                    OutputTokenCount = result.TokenIds.Count,
                    TotalTokenCount = result.PromptTokens + result.TokenIds.Count,
                },
                CreatedAt = DateTimeOffset.UtcNow,
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string prompt = _renderPrompt(messages);
        var generation = ToGenerationOptions(options);
        string responseId = Guid.NewGuid().ToString("N");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = new TextGenerator.GenerationState();
            await foreach (var delta in _generator.StreamCore(prompt, generation, state, cancellationToken).ConfigureAwait(false))
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, delta) { ResponseId = responseId, ModelId = Metadata.DefaultModelId };
            }
            yield return new ChatResponseUpdate
            {
                Role = ChatRole.Assistant,
                ResponseId = responseId,
                ModelId = Metadata.DefaultModelId,
                FinishReason = state.Finish == FinishReason.Stop ? ChatFinishReason.Stop : ChatFinishReason.Length,
                Contents = [new UsageContent(new UsageDetails
                {
                    InputTokenCount = state.PromptTokens,
                    OutputTokenCount = state.Tokens.Count,
                    TotalTokenCount = state.PromptTokens + state.Tokens.Count,
                })],
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return Metadata;
        if (serviceType.IsInstanceOfType(this)) return this;
        if (serviceType == typeof(TextGenerator)) return _generator;
        if (serviceType == typeof(CausalLanguageModel)) return _generator.Model;
        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _generator.Model.Dispose();
    }

    private GenerationOptions ToGenerationOptions(ChatOptions? options)
    {
        var o = _defaults with
        {
            StopSequences = [.. _defaults.StopSequences, .. ChatPromptFormat.StopSequences],
            StopTokenIds = [.. _defaults.StopTokenIds, .. _stopTokenIds],
        };
        if (options is null) return o;
        if (options.Temperature is float t) o = o with { Temperature = t };
        if (options.TopP is float p) o = o with { TopP = p };
        if (options.TopK is int k) o = o with { TopK = k };
        if (options.MaxOutputTokens is int max) o = o with { MaxNewTokens = max };
        if (options.Seed is long seed) o = o with { Seed = seed };
        if (options.StopSequences is { Count: > 0 } stops) o = o with { StopSequences = [.. o.StopSequences, .. stops] };
        if (options.AdditionalProperties?.TryGetValue(RepetitionPenaltyKey, out object? penalty) == true)
        {
            o = o with { RepetitionPenalty = Convert.ToDouble(penalty, System.Globalization.CultureInfo.InvariantCulture) };
        }
        return o;
    }
}
