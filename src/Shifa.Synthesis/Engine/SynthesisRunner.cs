// Composition of a plan or a run from the workspace: used by the CLI and any host.
using Shifa.Synthesis.Offline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Prompts;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Storage;

namespace Shifa.Synthesis.Engine;

/// <summary>Plans and runs synthesis against a workspace.</summary>
public static class SynthesisRunner
{
    /// <summary>Prompt version for a provider kind: the offline recipe or the current prompt template.</summary>
    public static string PromptVersionFor(ProviderKind kind) => kind == ProviderKind.Offline ? OfflineAugmenter.Version : PromptLibrary.Current.Version;

    /// <summary>Builds the plan from the workspace's real records and saves it. Returns the plan and (added, removed) item counts.</summary>
    public static (GenerationPlan Plan, int Added, int Removed) Plan(SynthesisStore store, PlanOptions options)
    {
        var plan = GenerationPlanner.Build(store.ReadSeed().Values, options);
        var (added, removed) = store.SavePlan(plan, options.Provider);
        return (plan, added, removed);
    }

    /// <summary>Runs the pending items of the request's provider.</summary>
    public static async Task<RunSummary> RunAsync(SynthesisStore store, RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var settings = request.Provider;
        var seed = store.ReadSeed();
        IWorkItemGenerator generator;
        if (settings.Kind == ProviderKind.Offline)
        {
            generator = new OfflineItemGenerator(seed);
        }
        else
        {
            var ledger = new SqliteSpendLedger(store.Workspace);
            var budget = new Pipeline.SpendBudget(request.BudgetUsd, ledger.Total(settings.Name), ledger, request.TotalBudgetUsd, ledger.Total());
            var client = ProviderRegistry.Build(settings, request.Prices, budget, request.LoggerFactory, request.Environment);
            generator = new ChatItemGenerator(client, seed, new ChatGenerationOptions
            {
                Provider = settings.Name,
                Model = settings.ResolvedModel,
                MaxParseAttempts = settings.MaxParseAttempts,
                MaxOutputTokens = settings.MaxOutputTokens,
                Temperature = settings.Temperature,
                EnforceSchema = settings.EnforceSchema,
            });
        }

        var engine = new SynthesisEngine(store, generator, new EngineOptions
        {
            Provider = settings.Name,
            MaxConcurrency = request.MaxConcurrency ?? settings.MaxConcurrency,
            MaxItems = request.MaxItems,
            RetryFailed = request.RetryFailed,
        });
        return await engine.RunAsync(progress, cancellationToken).ConfigureAwait(false);
    }
}
