// Bounded-parallel run over pending items; each outcome is committed before it counts, so a killed run resumes cleanly.
using System.Diagnostics;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Storage;

namespace Shifa.Synthesis.Engine;

/// <summary>
/// Runs the pending work items of one provider through an <see cref="IWorkItemGenerator"/> with
/// bounded concurrency. An item's responses, records and status are committed in one transaction;
/// an item counts only once committed, and a re-run picks up exactly the items not committed. When
/// the budget refuses a call, or the provider refuses the credentials or model, no new item is
/// started and the unstarted items stay pending.
/// </summary>
public sealed class SynthesisEngine(SynthesisStore store, IWorkItemGenerator generator, EngineOptions options)
{
    /// <summary>Runs until every selected item is done or failed, the budget is reached, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task<RunSummary> RunAsync(IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ItemStatus[] states = options.RetryFailed ? [ItemStatus.Pending, ItemStatus.Failed] : [ItemStatus.Pending];
        var items = store.ReadItems(options.Provider, states, options.MaxItems);
        var sw = Stopwatch.StartNew();
        int done = 0, failed = 0, records = 0;
        decimal cost = 0m;
        string? stop = null;
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gate = new Lock();

        try
        {
            await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = stopAll.Token }, async (item, _) =>
            {
                // The loop may hand out an item it fetched just before a stop: never start a request after one.
                if (stopAll.IsCancellationRequested)
                {
                    return;
                }

                ItemOutcome outcome;
                try
                {
                    outcome = await generator.GenerateAsync(item, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is BudgetExceededException || ErrorKinds.IsFatal(e))
                {
                    lock (gate)
                    {
                        stop ??= e is BudgetExceededException ? e.Message : $"The provider refused the request ({ErrorKinds.Of(e)}): {e.Message} Check the key, model and base URL.";
                    }

                    // Items already in flight finish (their cost is reserved); no new item starts.
                    await stopAll.CancelAsync().ConfigureAwait(false);
                    return;
                }

                // Commit is not cancellable: an outcome paid for is stored even when the run is stopping.
                var committed = store.Commit(outcome);
                lock (gate)
                {
                    if (committed && outcome.Status == ItemStatus.Done)
                    {
                        done++;
                        records += outcome.Records.Count;
                    }
                    else if (committed)
                    {
                        failed++;
                    }

                    cost += outcome.Attempts.Sum(a => a.CostUsd);
                    progress?.Report(new RunProgress(items.Count, done, failed, records, cost, sw.Elapsed));
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop is not null || cancellationToken.IsCancellationRequested)
        {
            stop ??= "cancelled";
        }

        return new RunSummary(options.Provider, items.Count, done, failed, items.Count - done - failed, records, cost, sw.Elapsed, stop);
    }
}
