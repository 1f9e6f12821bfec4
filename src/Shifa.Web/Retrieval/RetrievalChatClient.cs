// A backend with no model: answers with the closest vetted QA pair and cites its record id.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shifa.Web.Retrieval;

/// <summary>
/// <see cref="IChatClient"/> that answers the latest user message with the most similar vetted
/// question's answer, citing the record. Below <see cref="MinScore"/> it says it has no vetted answer.
/// </summary>
public sealed class RetrievalChatClient : IChatClient
{
    /// <summary>Model id this backend reports.</summary>
    public const string ModelId = "shifa-retrieval";

    private readonly IReadOnlyList<VettedAnswer> _corpus;
    private readonly CharNgramIndex _index;

    /// <summary>Indexes the questions of <paramref name="corpus"/>.</summary>
    public RetrievalChatClient(IReadOnlyList<VettedAnswer> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        _corpus = corpus;
        _index = new CharNgramIndex(corpus.Select(a => a.Question).ToArray());
    }

    /// <summary>Cosine similarity under which no answer is cited (default 0.2).</summary>
    public double MinScore { get; init; } = 0.2;

    /// <summary>Finds the vetted answer for <paramref name="question"/>, or null when none is similar enough.</summary>
    public (VettedAnswer Answer, double Score)? Find(string question)
    {
        var (doc, score) = _index.Best(question);
        return doc < 0 || score < MinScore ? null : (_corpus[doc], score);
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var text = Compose(messages);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            CreatedAt = DateTimeOffset.UtcNow,
            ResponseId = "shifa-" + Guid.NewGuid().ToString("N"),
        });
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var text = Compose(messages);
        var id = "shifa-" + Guid.NewGuid().ToString("N");
        var start = 0;
        // Word-sized pieces, as a model would stream them.
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i]) && i > start))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ChatResponseUpdate(ChatRole.Assistant, text[start..i]) { ResponseId = id, ModelId = ModelId };
                start = i;
                await Task.Yield();
            }
        }

        yield return new ChatResponseUpdate { ResponseId = id, ModelId = ModelId, FinishReason = ChatFinishReason.Stop };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private string Compose(IEnumerable<ChatMessage> messages)
    {
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var hit = Find(question);
        if (hit is null)
        {
            return "لم أجد في قاعدة الأسئلة الموثقة سؤالًا قريبًا من سؤالك. يُفضّل عرض حالتك على طبيب مختص.";
        }

        var (a, score) = hit.Value;
        return $"أقرب سؤال موثّق إلى سؤالك: «{a.Question}»\n\n{a.Answer}\n\nالمصدر: سجل {a.RecordId}، درجة التشابه {score:F2}.";
    }
}
