using System.ComponentModel;
using System.Globalization;
using Shifa.Core.Storage;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Synthesis;

/// <summary><c>shifa synthesize run</c>.</summary>
internal sealed class SynthesizeRunCommand : AsyncCommand<SynthesizeRunCommand.Settings>
{
    internal sealed class Settings : ProviderSettingsOption
    {
        [CommandOption("-n|--count <ITEMS>")]
        [Description("Run at most this many pending items.")]
        public int? Count { get; init; }

        [CommandOption("--budget <USD>")]
        [Description("Hard cap on this provider's total spend recorded in the workspace (earlier runs included).")]
        public decimal? Budget { get; init; }

        [CommandOption("--total-budget <USD>")]
        [Description("Hard cap on the workspace's total recorded spend over all providers (earlier runs of any provider included).")]
        public decimal? TotalBudget { get; init; }

        [CommandOption("--dry-run")]
        [Description("Print the estimated tokens and cost of the pending items; call nothing.")]
        public bool DryRun { get; init; }

        [CommandOption("--concurrency <N>")]
        [Description("Items in flight at once (default: the provider's setting).")]
        public int? Concurrency { get; init; }

        [CommandOption("--retry-failed")]
        [Description("Also re-run items that failed in earlier runs.")]
        public bool RetryFailed { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var workspace = Workspace.Open(settings.Workspace, SynthesisSchema.Instance);
            var store = new SynthesisStore(workspace);
            var provider = settings.LoadProviders(workspace.Root).Get(settings.Provider);
            var prices = settings.LoadPrices(workspace.Root);
            var counts = store.CountItems(provider.Name);
            if (counts.Values.Sum() == 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No work items for provider '{provider.Name}'.[/] Run `shifa synthesize plan --provider {provider.Name} --workspace {settings.Workspace}` first.");
                return 1;
            }

            if (settings.DryRun)
            {
                return DryRun(store, provider, prices, settings);
            }

            var total = settings.Count is { } n ? Math.Min(n, counts[ItemStatus.Pending] + (settings.RetryFailed ? counts[ItemStatus.Failed] : 0)) : counts[ItemStatus.Pending] + (settings.RetryFailed ? counts[ItemStatus.Failed] : 0);
            RunSummary summary = null!;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"{provider.Name}", maxValue: Math.Max(1, total));
                    var progress = new Progress<RunProgress>(p =>
                    {
                        task.Value = p.Done + p.Failed;
                        var rate = p.Elapsed.TotalMinutes > 0 ? (p.Done + p.Failed) / p.Elapsed.TotalMinutes : 0;
                        task.Description = string.Create(CultureInfo.InvariantCulture, $"{provider.Name}: {p.Done} done, {p.Failed} failed, {rate:0} items/min, ${p.SpentUsd:0.0000}");
                    });
                    summary = await SynthesisRunner.RunAsync(store, new RunRequest
                    {
                        Provider = provider,
                        Prices = prices,
                        BudgetUsd = settings.Budget,
                        TotalBudgetUsd = settings.TotalBudget,
                        MaxItems = settings.Count,
                        MaxConcurrency = settings.Concurrency,
                        RetryFailed = settings.RetryFailed,
                    }, progress, cancellationToken);
                    task.Value = task.MaxValue;
                });

            var stop = summary.StopReason is null ? "" : $" Stopped: {summary.StopReason}";
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Synthesized {summary.Records} records from {summary.Done} items with {summary.Provider} ({summary.Failed} failed, {summary.NotStarted} left pending) for ${summary.CostUsd:0.0000} in {summary.Elapsed.TotalSeconds:0.0} s.{stop}"));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            // Configuration and input problems: the message says how to fix them; no stack trace.
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }

    private static int DryRun(SynthesisStore store, ProviderSettings provider, PriceTable prices, Settings settings)
    {
        ItemStatus[] states = settings.RetryFailed ? [ItemStatus.Pending, ItemStatus.Failed] : [ItemStatus.Pending];
        var items = store.ReadItems(provider.Name, states, settings.Count);
        if (provider.Kind == ProviderKind.Offline)
        {
            AnsiConsole.WriteLine($"Dry run: {items.Count} offline items, {items.Sum(i => i.Pairs)} records, no tokens, $0.");
            return 0;
        }

        var price = prices.Find(provider.ResolvedModel)
            ?? throw new InvalidOperationException($"Model '{provider.ResolvedModel}' has no price in {prices.Source}; add it to estimate cost.");
        var e = CostEstimator.Estimate(items, store.ReadSeed(), price, provider.MaxOutputTokens);
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Dry run: {e.Items} items with {provider.Name} ({provider.ResolvedModel}): ~{e.InputTokens:N0} input + ~{e.OutputTokens:N0} output tokens, ~${e.CostUsd:0.00} expected, ${e.WorstCaseUsd:0.00} worst case (what --budget reserves)."));
        return 0;
    }
}
