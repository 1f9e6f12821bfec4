// Cost meter and hard budget as a chat-client layer: reserve worst case, call, settle actual cost from usage.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Shifa.Synthesis.Pipeline;

/// <summary>
/// Prices every call from its reported usage and enforces <see cref="SpendBudget"/>: before sending,
/// the worst-case cost (prompt upper bound + max output tokens) is reserved; afterwards the reservation
/// becomes the actual cost. Calls that fail without an HTTP status may have been billed and keep
/// their reservation.
/// </summary>
public sealed class SpendMeteringChatClient(IChatClient innerClient, string provider, string model, ModelPrice price, SpendBudget budget, int defaultMaxOutputTokens)
    : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var reservation = budget.Reserve(WorstCase(list, options), provider, options?.ModelId ?? model);
        var sw = Stopwatch.StartNew();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            budget.Settle(reservation, ErrorKinds.MayHaveBilled(e) ? reservation.AmountUsd : 0m);
            throw;
        }

        var usage = TokenUsage.From(response.Usage);
        // A response without usage is charged its reservation: never under-count spend.
        var cost = usage is null ? reservation.AmountUsd : price.Cost(usage);
        budget.Settle(reservation, cost);
        response.AdditionalProperties ??= [];
        response.AdditionalProperties[ResponseMetadata.CostUsd] = cost;
        response.AdditionalProperties[ResponseMetadata.LatencyMs] = sw.Elapsed.TotalMilliseconds;
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? messages.ToList();
        var reservation = budget.Reserve(WorstCase(list, options), provider, options?.ModelId ?? model);
        TokenUsage? usage = null;
        var settled = false;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
            {
                if (update.Contents.OfType<UsageContent>().FirstOrDefault() is { } u)
                {
                    usage = TokenUsage.From(u.Details);
                }

                yield return update;
            }

            budget.Settle(reservation, usage is null ? reservation.AmountUsd : price.Cost(usage));
            settled = true;
        }
        finally
        {
            if (!settled)
            {
                budget.Settle(reservation, reservation.AmountUsd);
            }
        }
    }

    private decimal WorstCase(IReadOnlyCollection<ChatMessage> messages, ChatOptions? options)
    {
        var input = TokenEstimator.UpperBound(messages, options);
        var output = options?.MaxOutputTokens ?? defaultMaxOutputTokens;
        return price.Cost(new TokenUsage(input, output, 0, 0, input + output));
    }
}
