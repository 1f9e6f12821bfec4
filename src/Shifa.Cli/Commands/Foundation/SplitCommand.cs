// `shifa split`: deterministic, specialty-stratified train/val/test split of the real records.
using System.ComponentModel;
using Shifa.Core.Splitting;
using Shifa.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Foundation;

/// <summary>Assigns train/val/test splits.</summary>
internal sealed class SplitCommand(IAnsiConsole console) : Command<SplitCommand.Settings>
{
    internal sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--seed <N>")]
        [Description("Seed; the same seed over the same records gives the same split.")]
        [DefaultValue(SplitOptions.DefaultSeed)]
        public int Seed { get; init; } = SplitOptions.DefaultSeed;

        [CommandOption("--val <FRACTION>")]
        [Description("Share of real records for validation (0 to 0.5).")]
        [DefaultValue(0.1)]
        public double Val { get; init; } = 0.1;

        [CommandOption("--test <FRACTION>")]
        [Description("Share of real records for test (0 to 0.5); test items are always real records.")]
        [DefaultValue(0.1)]
        public double Test { get; init; } = 0.1;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        SplitOptions options;
        try
        {
            options = new SplitOptions { Seed = settings.Seed, Val = settings.Val, Test = settings.Test };
        }
        catch (ArgumentOutOfRangeException e)
        {
            console.Line($"error: {e.Message.Split(Environment.NewLine)[0].Split(" (Parameter")[0]}");
            return 1;
        }

        var ws = Workspace.Open(settings.Workspace!);
        if (new RecordStore(ws).Count() == 0)
        {
            console.Line($"error: workspace '{ws.Root}' has no records; run 'shifa ingest FILE --workspace {settings.Workspace}' first.");
            return 1;
        }

        var summary = StratifiedSplitter.Apply(ws, options);
        console.Line($"split (seed {settings.Seed}, val {settings.Val}, test {settings.Test}): {summary}");
        return 0;
    }
}
