// Requests-per-minute and tokens-per-minute throttling as a chat-client layer (System.Threading.RateLimiting).
using System.Runtime.CompilerServices;
using System.Threading.RateLimiting;
using Microsoft.Extensions.AI;

namespace Shifa.Synthesis.Pipeline;

/// <summary>
/// Waits for a request permit and for the request's estimated tokens before every call, so the
/// provider's per-minute limits are approached but not crossed (429s become rare, not routine).
/// </summary>
public sealed class RateLimitingChatClient(IChatClient innerClient, RateLimiter? requests, RateLimiter? tokens, int defaultMaxOutputTokens, long tokenPermitLimit)
    : DelegatingChatClient(innerClient)
{
    /// <summary>
    /// A token bucket refilled every 100 ms at <paramref name="perMinute"/>/600 per tick (smooth rate, no
    /// minute-boundary bursts) holding at most <paramref name="burstSeconds"/> seconds' worth.
    /// </summary>
    public static TokenBucketRateLimiter PerMinute(int perMinute, double burstSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        var perTick = Math.Max(1, perMinute / 600);
        var tick = TimeSpan.FromMinutes((double)perTick / perMinute);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(perTick, (int)(perMinute / 60.0 * burstSeconds)),
            TokensPerPeriod = perTick,
            ReplenishmentPeriod = tick,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        using var leases = await AcquireAsync(list, options, cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        using var leases = await AcquireAsync(list, options, cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private async Task<LeasePair> AcquireAsync(IReadOnlyCollection<ChatMessage> messages, ChatOptions? options, CancellationToken ct)
    {
        RateLimitLease? r = null, t = null;
        if (requests is not null)
        {
            r = await requests.AcquireAsync(1, ct).ConfigureAwait(false);
            if (!r.IsAcquired)
            {
                r.Dispose();
                throw new InvalidOperationException("The request rate limiter refused a permit; its queue is full.");
            }
        }

        if (tokens is not null)
        {
            var estimate = TokenEstimator.Typical(messages) + (options?.MaxOutputTokens ?? defaultMaxOutputTokens);
            t = await tokens.AcquireAsync((int)Math.Min(estimate, tokenPermitLimit), ct).ConfigureAwait(false);
            if (!t.IsAcquired)
            {
                t.Dispose();
                r?.Dispose();
                throw new InvalidOperationException("The token rate limiter refused a permit; its queue is full.");
            }
        }

        return new LeasePair(r, t);
    }

    private sealed class LeasePair(RateLimitLease? a, RateLimitLease? b) : IDisposable
    {
        public void Dispose()
        {
            a?.Dispose();
            b?.Dispose();
        }
    }
}
