using System.ComponentModel;
using System.Globalization;
using Shifa.Core.Storage;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Synthesis;

/// <summary><c>shifa synthesize plan</c>.</summary>
internal sealed class SynthesizePlanCommand : Command<SynthesizePlanCommand.Settings>
{
    internal sealed class Settings : ProviderSettingsOption
    {
        [CommandOption("-n|--count <RECORDS>")]
        [Description("Records wanted from this provider.")]
        [DefaultValue(1000)]
        public int Count { get; init; } = 1000;

        [CommandOption("--pairs <N>")]
        [Description("Pairs asked for per work item.")]
        [DefaultValue(5)]
        public int Pairs { get; init; } = 5;

        [CommandOption("--exemplars <K>")]
        [Description("Real exemplars shown per work item.")]
        [DefaultValue(3)]
        public int Exemplars { get; init; } = 3;

        [CommandOption("--quota <MODE>")]
        [Description("proportional (specialty shares as in the seed) or flattened (rare specialties raised to --floor).")]
        [DefaultValue(QuotaMode.Proportional)]
        public QuotaMode Quota { get; init; } = QuotaMode.Proportional;

        [CommandOption("--floor <SHARE>")]
        [Description("Minimum share per specialty with --quota flattened.")]
        [DefaultValue(0.02)]
        public double Floor { get; init; } = 0.02;

        [CommandOption("--seed <N>")]
        [Description("Random seed of the plan.")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        [CommandOption("--dialects <MIX>")]
        [Description("Dialect weights, e.g. msa=0.4,egyptian=0.2,levantine=0.15,gulf=0.15,maghrebi=0.1.")]
        public string? Dialects { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var workspace = Workspace.Open(settings.Workspace, SynthesisSchema.Instance);
            var provider = settings.LoadProviders(workspace.Root).Get(settings.Provider);
            var options = new PlanOptions
            {
                Provider = provider.Name,
                TargetRecords = settings.Count,
                PairsPerItem = settings.Pairs,
                ExemplarsPerItem = settings.Exemplars,
                QuotaMode = settings.Quota,
                FloorShare = settings.Floor,
                Seed = settings.Seed,
                DialectMix = settings.Dialects is null ? PlanOptions.DefaultDialectMix : ParseMix(settings.Dialects),
                PromptVersion = SynthesisRunner.PromptVersionFor(provider.Kind),
            };
            var (plan, added, removed) = SynthesisRunner.Plan(new SynthesisStore(workspace), options);

            var table = new Table().AddColumns("specialty", "seed share", "items");
            foreach (var (key, items) in plan.Quotas.OrderByDescending(kv => kv.Value))
            {
                table.AddRow(Markup.Escape(key), plan.SeedShares[key].ToString("P1", CultureInfo.InvariantCulture), items.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"Planned {plan.Items.Count} items ({plan.Items.Count * settings.Pairs} records) for {provider.Name}: {added} new, {removed} stale pending removed; plan {plan.Hash[..12]}.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            // Configuration and input problems: the message says how to fix them; no stack trace.
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }

    private static Dictionary<string, double> ParseMix(string text)
    {
        var mix = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w < 0)
            {
                throw new ArgumentException($"--dialects: '{part}' is not NAME=WEIGHT (e.g. egyptian=0.2).");
            }

            mix[kv[0]] = w;
        }

        return mix;
    }
}
