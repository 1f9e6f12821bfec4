// Bench instrumentation: when the local model produced its first token and how many tokens it produced,
// measured behind the safety layer so the served figures can be split into model time and serving time.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shifa.Bench.Web;

/// <summary>Records, for the latest streamed request, the backend's time to first token, total time and output tokens.</summary>
internal sealed class BackendTiming(IChatClient inner) : DelegatingChatClient(inner)
{
    public double FirstTokenMs { get; private set; }

    public double TotalMs { get; private set; }

    public long OutputTokens { get; private set; }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var t0 = Stopwatch.GetTimestamp();
        FirstTokenMs = double.NaN;
        OutputTokens = 0;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            if (double.IsNaN(FirstTokenMs) && !string.IsNullOrEmpty(update.Text))
            {
                FirstTokenMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }

            foreach (var usage in update.Contents.OfType<UsageContent>())
            {
                OutputTokens = usage.Details.OutputTokenCount ?? OutputTokens;
            }

            yield return update;
        }

        TotalMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }
}
