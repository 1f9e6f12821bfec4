// Retry with exponential backoff and jitter, honouring Retry-After, plus a per-attempt timeout (Polly).
using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace Shifa.Synthesis.Pipeline;

/// <summary>
/// Retries transient failures (429, 5xx, timeouts, broken connections) with exponential backoff and
/// jitter; when the server says how long to wait (<c>retry-after-ms</c> or <c>Retry-After</c>) that wait is used.
/// Streaming calls pass through unretried (partial output may already have been consumed). Per-attempt
/// time limits are <see cref="TimeoutChatClient"/>'s job, further in, so waits for rate-limit permits
/// never count against an attempt.
/// </summary>
public sealed class RetryingChatClient : DelegatingChatClient
{
    private static readonly ResiliencePropertyKey<List<string>> RetriedKey = new("shifa.retried");
    private readonly ResiliencePipeline _pipeline;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    public RetryingChatClient(IChatClient innerClient, RetryOptions options, TimeProvider? timeProvider = null)
        : base(innerClient)
    {
        var builder = new ResiliencePipelineBuilder();
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        _pipeline = builder
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && args.Outcome.Exception is { } e && ErrorKinds.IsTransient(e)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception) is { } d ? (TimeSpan?)Min(d, options.MaxDelay) : null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } e && args.Context.Properties.TryGetValue(RetriedKey, out var list))
                    {
                        lock (list)
                        {
                            list.Add(ErrorKinds.Of(e));
                        }
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var retried = new List<string>();
        context.Properties.Set(RetriedKey, retried);
        try
        {
            var response = await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.InnerGetAsync(state.List, state.Options, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Self: this, List: list, Options: options)).ConfigureAwait(false);
            if (retried.Count > 0)
            {
                response.AdditionalProperties ??= [];
                response.AdditionalProperties[ResponseMetadata.Retried] = retried.ToArray();
            }

            return response;
        }
        catch (Exception e) when (retried.Count > 0 && e is not OperationCanceledException)
        {
            throw new ProviderCallException(ErrorKinds.Of(e), retried, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The wait a server asked for: <c>retry-after-ms</c>, then <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public static TimeSpan? RetryAfter(Exception? e)
    {
        var headers = (e as ClientResultException)?.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var msValue) && msValue >= 0)
        {
            return TimeSpan.FromMilliseconds(msValue);
        }

        if (headers.TryGetValue("Retry-After", out var ra) && ra is not null)
        {
            if (double.TryParse(ra, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private Task<ChatResponse> InnerGetAsync(IReadOnlyCollection<ChatMessage> messages, ChatOptions? options, CancellationToken ct) =>
        base.GetResponseAsync(messages, options, ct);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
