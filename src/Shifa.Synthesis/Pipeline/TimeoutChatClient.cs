// Per-attempt time limit as a chat-client layer (Polly timeout strategy).
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;

namespace Shifa.Synthesis.Pipeline;

/// <summary>Cancels a call that runs longer than the limit and throws Polly's <c>TimeoutRejectedException</c>, which the retry layer treats as transient.</summary>
public sealed class TimeoutChatClient(IChatClient innerClient, TimeSpan timeout) : DelegatingChatClient(innerClient)
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder().AddTimeout(timeout).Build();

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await _pipeline.ExecuteAsync(
            static async (state, ct) => await state.Self.InnerGetAsync(state.Messages, state.Options, ct).ConfigureAwait(false),
            (Self: this, Messages: messages, Options: options),
            cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A stream is limited as a whole: the first token must arrive and the stream end within the limit.
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cts.Token).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private Task<ChatResponse> InnerGetAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken ct) =>
        base.GetResponseAsync(messages, options, ct);
}
