// Circuit breaker for refusals no retry can fix (401/403/404): once one is seen, no further request is sent.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shifa.Synthesis.Pipeline;

/// <summary>
/// Sits next to the wire, below retries, rate limiting and the budget. The first fatal refusal
/// (<see cref="ErrorKinds.IsFatal"/>: bad key, no access, unknown model) opens the circuit the moment the
/// response arrives, before the exception climbs through the outer layers to the engine. From then on,
/// every call that would start a request (a worker that was waiting for a rate-limit permit, a retry after
/// a backoff, a re-ask of unusable output) fails at once with the same refusal, without going out.
/// Requests already sent finish normally. One instance serves all workers of a run, so the circuit is shared.
/// </summary>
public sealed class RefusalCircuitChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    private Exception? _refusal;

    /// <summary>The refusal that opened the circuit, or null while requests may go out.</summary>
    public Exception? Refusal => Volatile.Read(ref _refusal);

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfOpen();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorKinds.IsFatal(e))
        {
            Open(e);
            throw;
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfOpen();
        await using var e = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await e.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                update = e.Current;
            }
            catch (Exception x) when (ErrorKinds.IsFatal(x))
            {
                Open(x);
                throw;
            }

            yield return update;
        }
    }

    private void ThrowIfOpen()
    {
        if (Refusal is { } first)
        {
            // A new exception per caller (they run concurrently); the first refusal stays the inner one,
            // so ErrorKinds classifies it as the same fatal kind and no layer retries it.
            throw new ProviderCallException(ErrorKinds.Of(first), [], first);
        }
    }

    private void Open(Exception refusal) => Interlocked.CompareExchange(ref _refusal, refusal, null);
}
