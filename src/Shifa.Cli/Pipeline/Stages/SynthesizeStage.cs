using Shifa.Core.Splitting;
using Shifa.Core.Storage;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Storage;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>Plans and runs one provider's synthesis; the engine itself skips completed work items, so a killed run resumes.</summary>
internal sealed class SynthesizeStage(Config.ProviderRun run) : IPipelineStage
{
    public string Key => "synthesize:" + run.Name;

    public IReadOnlyList<string> DependsOn => ["split"];

    public string Describe(PipelineContext context)
    {
        var settings = Settings(context);
        return $"generate {run.Count} QA pairs with {run.Name}" + (settings.Kind == ProviderKind.Offline ? " (offline augmenter)" : $" ({settings.ResolvedModel})");
    }

    public string OwnInputHash(PipelineContext context) =>
        context.Config.Synthesis.ProvidersFile is { } f && File.Exists(f) ? Shifa.Core.Hashing.ContentHash.OfFile(f) : "";

    public string ConfigHash(PipelineContext context) => StageHash.Of(run, context.Config.Synthesis.Seed, context.Config.Synthesis.BudgetUsd);

    public decimal EstimateCostUsd(PipelineContext context)
    {
        var settings = Settings(context);
        if (settings.Kind == ProviderKind.Offline || run.Count == 0)
        {
            return 0;
        }

        var price = PriceTable.Default().Find(settings.ResolvedModel)
            ?? throw new InvalidOperationException($"No price for model '{settings.ResolvedModel}' in the price table; add it to estimate the cost.");
        // Price the plan that the run would make: build it from the seed as ingested into a scratch workspace.
        var scratch = Directory.CreateTempSubdirectory("shifa-estimate-");
        try
        {
            var ws = Workspace.Open(scratch.FullName);
            new Shifa.Core.Ingest.RecordIngestor(ws).Ingest(context.Config.Seed.Path, IngestStage.Options(context.Config.Seed));
            var s = context.Config.Split;
            StratifiedSplitter.Apply(ws, new SplitOptions { Seed = s.Seed, Val = s.Val, Test = s.Test });
            var store = new SynthesisStore(ws);
            var seed = store.ReadSeed();
            var plan = GenerationPlanner.Build(seed.Values, PlanOptions(settings, context.Config.Synthesis.Seed));
            return CostEstimator.Estimate(plan.Items, seed, price, settings.MaxOutputTokens).CostUsd;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            scratch.Delete(recursive: true);
        }
    }

    public async Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (run.Count == 0)
        {
            return StageHash.Outputs(new { Records = 0 });
        }

        var settings = Settings(context);
        var store = new SynthesisStore(context.Workspace);
        var (plan, added, removed) = SynthesisRunner.Plan(store, PlanOptions(settings, context.Config.Synthesis.Seed));
        context.Log($"plan for {run.Name}: {plan.Items.Count} work items ({added} new, {removed} withdrawn)");
        var summary = await SynthesisRunner.RunAsync(store, Request(context, settings), new Progress<RunProgress>(_ => { }), cancellationToken);
        context.Log($"{run.Name}: {summary.Done} items done, {summary.Failed} failed, {summary.Records} records, ${summary.CostUsd:0.00}" +
            (summary.StopReason is null ? "" : $" (stopped: {summary.StopReason})"));
        return StageHash.Outputs(summary);
    }

    /// <summary>The engine request of this stage: the config's one total budget, and the provider's own cap if it has one.</summary>
    internal RunRequest Request(PipelineContext context, ProviderSettings settings) => new()
    {
        Provider = settings,
        BudgetUsd = run.BudgetUsd,
        // One total for every provider of the config: each stage starts from what all providers have recorded.
        TotalBudgetUsd = context.Config.Synthesis.BudgetUsd,
    };

    private PlanOptions PlanOptions(ProviderSettings settings, int seed) => new()
    {
        Provider = run.Name,
        TargetRecords = Math.Max(1, run.Count),
        PairsPerItem = run.PairsPerRequest ?? 5,
        PromptVersion = SynthesisRunner.PromptVersionFor(settings.Kind),
        Seed = seed,
    };

    private ProviderSettings Settings(PipelineContext context)
    {
        var file = context.Config.Synthesis.ProvidersFile is { } f ? ProvidersFile.Load(f) : ProvidersFile.Default;
        var s = file.Get(run.Name);
        return s with
        {
            Model = run.Model ?? s.Model,
            MaxConcurrency = run.Concurrency ?? s.MaxConcurrency,
        };
    }
}
