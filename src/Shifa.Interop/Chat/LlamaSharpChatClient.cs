// IChatClient over any GGUF instruct model run by llama.cpp (LLamaSharp), so local models can teach, judge or serve offline.
using System.Runtime.CompilerServices;
using System.Text;
using LLama;
using Microsoft.Extensions.AI;
using Shifa.Interop.Runtime;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Tokenization;

namespace Shifa.Interop.Chat;

/// <summary>
/// A chat client over one GGUF file. Prompts use Shifa's chat format when the file carries Shifa's template
/// (models Shifa exported), and otherwise the model's own template as llama.cpp recognises it (Llama 3, Qwen/ChatML,
/// Mistral, Gemma...). Sampling is Shifa's <see cref="TokenSampler"/>, so options mean the same as for
/// <see cref="LocalChatClient"/>. Requests are served one at a time (one llama.cpp context).
/// </summary>
public sealed class LlamaSharpChatClient : IChatClient
{
    private readonly LlamaCppModel _model;
    private readonly GenerationOptions _defaults;
    private readonly bool _shifaFormat;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Loads <paramref name="ggufPath"/>; <paramref name="runtime"/> defaults to llama.cpp's fast settings (f16 KV cache).</summary>
    /// <exception cref="InvalidDataException">llama.cpp refused the file (the message carries its reason).</exception>
    public LlamaSharpChatClient(string ggufPath, GenerationOptions? defaults = null, LlamaCppModelOptions? runtime = null)
    {
        _model = LlamaCppModel.Load(ggufPath, runtime ?? new LlamaCppModelOptions { ExactAttention = false });
        _defaults = defaults ?? new GenerationOptions();
        _model.Weights.Metadata.TryGetValue("tokenizer.chat_template", out string? template);
        _shifaFormat = template?.Contains(SpecialTokenNames.Assistant, StringComparison.Ordinal) == true;
        string name = _model.Weights.Metadata.TryGetValue("general.name", out string? n) ? n : Path.GetFileNameWithoutExtension(ggufPath);
        Metadata = new ChatClientMetadata("llama.cpp", new Uri(Path.GetFullPath(ggufPath)), name);
    }

    /// <summary>Provider <c>llama.cpp</c>, the file as URI, and <c>general.name</c> as model id.</summary>
    public ChatClientMetadata Metadata { get; }

    /// <summary>The prompt text this client sends to the model for <paramref name="messages"/>.</summary>
    public string RenderPrompt(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (_shifaFormat) return ChatPromptFormat.Render(messages);
        var template = new LLamaTemplate(_model.Weights) { AddAssistant = true };
        foreach (var m in messages) template.Add(m.Role.Value, m.Text);
        return Encoding.UTF8.GetString(template.Apply());
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        ChatResponseUpdate? last = null;
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            last = update;
        }
        var usage = last?.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString().Trim()))
        {
            ModelId = Metadata.DefaultModelId,
            FinishReason = last?.FinishReason,
            Usage = usage,
            CreatedAt = DateTimeOffset.UtcNow,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var generation = ToGenerationOptions(options);
        int[] prompt = _model.Tokenize(RenderPrompt(messages), parseSpecial: true, addBos: true);
        string responseId = Guid.NewGuid().ToString("N");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (prompt.Length + generation.MaxNewTokens > _model.Context.ContextSize)
            {
                throw new ArgumentException($"The prompt has {prompt.Length} tokens; with {generation.MaxNewTokens} new tokens it exceeds the context of {_model.Context.ContextSize}.", nameof(messages));
            }
            var sampler = new TokenSampler(generation);
            var decoder = _model.CreateDecoder();
            var seen = new List<int>(prompt);
            var text = new StringBuilder();
            int emitted = 0;
            int produced = 0;
            var finish = ChatFinishReason.Length;
            bool cutAtStopSequence = false;
            _model.Reset();
            float[] logits = _model.Append(prompt);
            while (produced < generation.MaxNewTokens)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int next = NextToken(sampler, logits, seen);
                if (_model.IsEndOfGeneration(next) || generation.StopTokenIds.Contains(next))
                {
                    // Like Shifa's generator: the stop token ends the answer and is not counted as output.
                    finish = ChatFinishReason.Stop;
                    break;
                }
                produced++;
                seen.Add(next);
                decoder.Add(next);
                text.Append(decoder.Read());
                int stopAt = FirstStop(text, generation.StopSequences);
                // Hold back a tail that could still grow into a stop sequence.
                int safe = stopAt >= 0 ? stopAt : Math.Max(emitted, text.Length - generation.StopSequences.Select(s => s.Length).DefaultIfEmpty(0).Max());
                if (safe > emitted)
                {
                    yield return new ChatResponseUpdate(ChatRole.Assistant, text.ToString(emitted, safe - emitted)) { ResponseId = responseId, ModelId = Metadata.DefaultModelId };
                    emitted = safe;
                }
                if (stopAt >= 0)
                {
                    finish = ChatFinishReason.Stop;
                    cutAtStopSequence = true;
                    break;
                }
                logits = _model.Append([next]);
                await Task.Yield();
            }
            // The tail held back for a possible stop sequence is answer text unless a stop sequence actually cut it,
            // also when generation ended at an end-of-generation token.
            if (!cutAtStopSequence && text.Length > emitted)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, text.ToString(emitted, text.Length - emitted)) { ResponseId = responseId, ModelId = Metadata.DefaultModelId };
            }
            yield return new ChatResponseUpdate
            {
                Role = ChatRole.Assistant,
                ResponseId = responseId,
                ModelId = Metadata.DefaultModelId,
                FinishReason = finish,
                Contents = [new UsageContent(new UsageDetails { InputTokenCount = prompt.Length, OutputTokenCount = produced, TotalTokenCount = prompt.Length + produced })],
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
        if (serviceType == typeof(LlamaCppModel)) return _model;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        _model.Dispose();
    }

    private static int NextToken(TokenSampler sampler, float[] logits, IReadOnlyCollection<int> seen)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return sampler.Next(TorchSharp.torch.tensor(logits), seen);
    }

    private static int FirstStop(StringBuilder text, IReadOnlyList<string> stops)
    {
        string s = text.ToString();
        int first = -1;
        foreach (string stop in stops)
        {
            int at = s.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first)) first = at;
        }
        return first;
    }

    private GenerationOptions ToGenerationOptions(ChatOptions? options)
    {
        var o = _shifaFormat ? _defaults with { StopSequences = [.. _defaults.StopSequences, .. ChatPromptFormat.StopSequences] } : _defaults;
        if (options is null) return o;
        if (options.Temperature is float t) o = o with { Temperature = t };
        if (options.TopP is float p) o = o with { TopP = p };
        if (options.TopK is int k) o = o with { TopK = k };
        if (options.MaxOutputTokens is int max) o = o with { MaxNewTokens = max };
        if (options.Seed is long seed) o = o with { Seed = seed };
        if (options.StopSequences is { Count: > 0 } stops) o = o with { StopSequences = [.. o.StopSequences, .. stops] };
        return o;
    }
}
