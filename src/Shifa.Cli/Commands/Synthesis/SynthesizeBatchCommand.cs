using System.ComponentModel;
using System.Globalization;
using Shifa.Core.Storage;
using Shifa.Synthesis.Batch;
using Shifa.Synthesis.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Synthesis;

/// <summary><c>shifa synthesize batch</c>.</summary>
internal sealed class SynthesizeBatchCommand : AsyncCommand<SynthesizeBatchCommand.Settings>
{
    internal sealed class Settings : ProviderSettingsOption
    {
        [CommandOption("-n|--count <ITEMS>")]
        [Description("Items in a new batch (up to 50,000).")]
        [DefaultValue(50_000)]
        public int Count { get; init; } = 50_000;

        [CommandOption("--budget <USD>")]
        [Description("Hard cap on the provider's total recorded spend; the batch's worst case must fit before it is sent.")]
        public decimal? Budget { get; init; }

        [CommandOption("--no-wait")]
        [Description("Check the batch once and return; run the command again later to resume.")]
        public bool NoWait { get; init; }

        [CommandOption("--poll-seconds <S>")]
        [Description("Seconds between status checks while waiting.")]
        [DefaultValue(30)]
        public int PollSeconds { get; init; } = 30;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var workspace = Workspace.Open(settings.Workspace, SynthesisSchema.Instance);
            var provider = settings.LoadProviders(workspace.Root).Get(settings.Provider == "offline" ? "openai" : settings.Provider);
            var runner = new BatchRunner(new SynthesisStore(workspace), provider, settings.LoadPrices(workspace.Root), new BatchOptions
            {
                MaxItems = settings.Count,
                BudgetUsd = settings.Budget,
                Wait = !settings.NoWait,
                PollInterval = TimeSpan.FromSeconds(settings.PollSeconds),
            });
            var summary = await runner.RunAsync(new Progress<string>(m => AnsiConsole.MarkupLineInterpolated($"[grey]{m}[/]")), cancellationToken);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Batch {provider.Name}: {summary.Status}; {summary.Done} items done, {summary.Failed} failed, {summary.Records} records, ${summary.CostUsd:0.0000} at batch prices."));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException or Shifa.Synthesis.Pipeline.BudgetExceededException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }
}
