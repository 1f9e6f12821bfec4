// The safety layer as an IChatClient decorator, so every backend (local model, retrieval, remote
// provider) sits behind the same red-flag screen and output filter (Microsoft.Extensions.AI style).
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Shifa.Web.Safety;

/// <summary>
/// Screens the latest user message for red flags and answers an emergency with the urgent-care
/// notice instead of calling the backend; otherwise filters doses out of the answer and adds the
/// disclaimer. Logs categories and rule names only, never message text.
/// </summary>
public sealed partial class SafetyChatClient : DelegatingChatClient
{
    /// <summary>Key of <see cref="ChatResponse.AdditionalProperties"/> holding the red-flag categories found.</summary>
    public const string RedFlagProperty = "shifa_red_flags";

    private readonly RedFlagDetector _detector;
    private readonly SafetyOptions _options;
    private readonly ILogger _logger;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public SafetyChatClient(IChatClient inner, RedFlagDetector? detector = null, SafetyOptions? options = null, ILogger<SafetyChatClient>? logger = null)
        : base(inner)
    {
        _detector = detector ?? RedFlagDetector.Default;
        _options = options ?? new SafetyOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Screens the latest user message of <paramref name="messages"/>.</summary>
    public RedFlagResult Screen(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var last = messages.LastOrDefault(m => m.Role == ChatRole.User);
        var result = last is null ? RedFlagResult.None : _detector.Detect(last.Text);
        if (result.IsUrgent)
        {
            LogRedFlag(_logger, string.Join(',', result.Categories), string.Join(',', result.MatchedRules), last!.Text.Length);
        }
        else if (result.Suppressed.Count > 0)
        {
            LogSuppressed(_logger, string.Join(',', result.Suppressed));
        }

        return result;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var screen = Screen(list);
        if (screen.IsUrgent)
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, SafetyMessages.Urgent(screen.Categories)))
            {
                FinishReason = ChatFinishReason.Stop,
                ModelId = options?.ModelId,
                CreatedAt = DateTimeOffset.UtcNow,
                ResponseId = "shifa-urgent-" + Guid.NewGuid().ToString("N"),
                AdditionalProperties = new() { [RedFlagProperty] = screen.Categories.Select(c => c.ToString()).ToArray() },
            };
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        var text = Finish(response.Text);
        var message = new ChatMessage(ChatRole.Assistant, text) { MessageId = response.Messages.LastOrDefault()?.MessageId };
        response.Messages = [message];
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var screen = Screen(list);
        if (screen.IsUrgent)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, SafetyMessages.Urgent(screen.Categories))
            {
                FinishReason = ChatFinishReason.Stop,
                ModelId = options?.ModelId,
                CreatedAt = DateTimeOffset.UtcNow,
                ResponseId = "shifa-urgent-" + Guid.NewGuid().ToString("N"),
                AdditionalProperties = new() { [RedFlagProperty] = screen.Categories.Select(c => c.ToString()).ToArray() },
            };
            yield break;
        }

        // Text is released one whole sentence at a time so the dose filter sees complete sentences.
        var pending = new StringBuilder();
        ChatResponseUpdate? template = null;
        ChatFinishReason? finish = null;
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            template ??= update;
            finish = update.FinishReason ?? finish;
            var text = update.Text;
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            pending.Append(text);
            var cut = LastSentenceEnd(pending);
            if (cut > 0)
            {
                var ready = pending.ToString(0, cut);
                pending.Remove(0, cut);
                yield return Derive(template, FilterDoses(ready), null);
            }
        }

        var tail = FilterDoses(pending.ToString());
        if (_options.AppendDisclaimer)
        {
            tail += "\n\n" + SafetyMessages.Disclaimer;
        }

        yield return Derive(template, tail, finish ?? ChatFinishReason.Stop);
    }

    private static ChatResponseUpdate Derive(ChatResponseUpdate? template, string text, ChatFinishReason? finish) =>
        new(ChatRole.Assistant, text)
        {
            ResponseId = template?.ResponseId,
            MessageId = template?.MessageId,
            ModelId = template?.ModelId,
            CreatedAt = template?.CreatedAt ?? DateTimeOffset.UtcNow,
            FinishReason = finish,
        };

    private static int LastSentenceEnd(StringBuilder sb)
    {
        var s = sb.ToString();
        for (var i = s.Length - 2; i >= 0; i--)
        {
            // The character after the end must be known, so a decimal point is not taken for a full stop.
            if (DosingFilter.IsSentenceEnd(s, i) && char.IsWhiteSpace(s[i + 1]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private string FilterDoses(string text)
    {
        if (!_options.FilterDosing)
        {
            return text;
        }

        var filtered = DosingFilter.Apply(text, out var replaced);
        if (replaced > 0)
        {
            LogDoseFiltered(_logger, replaced);
        }

        return filtered;
    }

    private string Finish(string text)
    {
        var filtered = FilterDoses(text);
        return _options.AppendDisclaimer ? filtered + "\n\n" + SafetyMessages.Disclaimer : filtered;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Red flag: categories {Categories}, rules {Rules}, message length {Length}")]
    private static partial void LogRedFlag(ILogger logger, string categories, string rules, int length);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Red-flag rules set aside as historical or informational: {Rules}")]
    private static partial void LogSuppressed(ILogger logger, string rules);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Dose filter replaced {Count} sentence(s)")]
    private static partial void LogDoseFiltered(ILogger logger, int count);
}
