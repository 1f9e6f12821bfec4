// `shifa run`: the whole pipeline from one configuration file, skipping what is up to date.
using System.ComponentModel;
using Shifa.Cli.Commands.Foundation;
using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Cli.Pipeline.Stages;
using Shifa.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Pipeline;

/// <summary>Runs ingest → profile → split → synthesize → curate → review gate → train/evaluate (ablation) → report.</summary>
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-c|--config <FILE>")]
        [Description("Pipeline configuration (JSON or YAML); see samples/quickstart.json and samples/shifa-config.schema.json.")]
        public string? Config { get; init; }

        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace folder (holds shifa.db and every stage's artifacts; created when missing).")]
        public string? Workspace { get; init; }

        [CommandOption("--dry-run")]
        [Description("Print the plan and the estimated API cost, run nothing.")]
        public bool DryRun { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Config) ? ValidationResult.Error("--config FILE is required.")
            : string.IsNullOrWhiteSpace(Workspace) ? ValidationResult.Error("--workspace DIR is required.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        PipelineConfig config;
        var warnings = new List<ConfigError>();
        try
        {
            config = PipelineConfigLoader.Load(settings.Config!, warnings: settings.DryRun ? warnings : null);
        }
        catch (ConfigException e)
        {
            foreach (var error in e.Errors)
            {
                console.Line("error: " + error);
            }

            console.Line($"run: configuration invalid ({e.Errors.Count} problem(s)); nothing was run.");
            return 2;
        }

        foreach (var w in warnings)
        {
            console.Line("warning (a real run would stop here): " + w);
        }

        var workspace = Workspace.Open(settings.Workspace!);
        var ctx = new PipelineContext(config, Path.GetFullPath(settings.Config!), workspace, line => console.Line(line));
        var runner = new PipelineRunner(PipelineStages.Build(config));
        var plan = runner.Plan(ctx);
        console.Line($"plan for '{config.Name}' in {workspace.Root}:");
        foreach (var line in plan.Lines())
        {
            console.Line("  " + line);
        }

        if (settings.DryRun)
        {
            console.Line($"run: dry run, {plan.Steps.Count(s => s.WillRun)} of {plan.Steps.Count} stages would run, estimated cost ${plan.EstimatedCostUsd:0.00}.");
            return 0;
        }

        PipelineResult result;
        try
        {
            result = await runner.RunAsync(ctx, cancellationToken);
        }
        catch (PipelinePausedException paused)
        {
            console.Line($"run: paused, {paused.Message}");
            return 0;
        }

        var report = Path.Combine(workspace.Root, ReportStage.Folder, "index.html");
        if (File.Exists(report))
        {
            console.Line($"report: {report}");
        }

        // Pipeline models live in models/ablation-<model>-<condition>; the richest condition is listed last.
        var served = config.Serve.Backend.StartsWith("model:", StringComparison.Ordinal) && config.Conditions.Count > 0
            ? $" --model {Path.Combine(settings.Workspace!, "models", $"ablation-{config.Serve.Backend["model:".Length..]}-{config.Conditions[^1].Replace('+', '_')}")}"
            : "";
        console.Line($"serve it: shifa serve --workspace {settings.Workspace}{served}");
        console.Line($"run: {result.Ran.Count} of {plan.Steps.Count} stages ran ({plan.Steps.Count - result.Ran.Count} up to date).");
        return 0;
    }
}
