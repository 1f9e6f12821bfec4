// A system backed by any IChatClient: a local Shifa model or a remote provider.
using Microsoft.Extensions.AI;
using Shifa.Core.Records;

namespace Shifa.Evaluation.Systems;

/// <summary>
/// Answers through an <see cref="IChatClient"/> with fixed decoding settings (greedy by default) so
/// that a run can be repeated: a trained model behind Modeling's local chat client, or a remote
/// provider such as GPT-4o zero-shot as an upper reference.
/// </summary>
public sealed class ChatClientSystem : IAnswerSystem
{
    /// <summary>Default system prompt: answer as a careful Arabic-speaking physician.</summary>
    public const string DefaultSystemPrompt =
        "أنت طبيب يجيب عن أسئلة المرضى باللغة العربية بإيجاز ودقة، وتنصح بمراجعة الطبيب عند الحاجة.";

    private readonly IChatClient _client;
    private readonly ChatOptions _options;
    private readonly string? _systemPrompt;

    /// <summary>Creates the system.</summary>
    /// <param name="name">System name.</param>
    /// <param name="client">Chat client.</param>
    /// <param name="options">Decoding settings; null means temperature 0, at most 256 new tokens, seed 0.</param>
    /// <param name="systemPrompt">System message (e.g. <see cref="DefaultSystemPrompt"/> for remote providers); null sends none, as a model fine-tuned without one expects.</param>
    public ChatClientSystem(string name, IChatClient client, ChatOptions? options = null, string? systemPrompt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? new ChatOptions { Temperature = 0, TopP = 1, MaxOutputTokens = 256, Seed = 0 };
        _systemPrompt = systemPrompt;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public async Task<string> AnswerAsync(QaRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        List<ChatMessage> messages = _systemPrompt is null
            ? [new ChatMessage(ChatRole.User, record.Question)]
            : [new ChatMessage(ChatRole.System, _systemPrompt), new ChatMessage(ChatRole.User, record.Question)];
        var response = await _client.GetResponseAsync(
            messages,
            _options.Clone(),
            ct).ConfigureAwait(false);
        return response.Text.Trim();
    }
}
