// `shifa ablate`: conditions × models → training, evaluation on the real test split, tables and charts.
using System.ComponentModel;
using Shifa.Core.Storage;
using Shifa.Evaluation.Ablation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Evaluation;

/// <summary>Runs an ablation study from a config file.</summary>
internal sealed class AblateCommand(IAnsiConsole console) : AsyncCommand<AblateCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace folder.")]
        public string Workspace { get; init; } = "";

        [CommandOption("-c|--config <FILE>")]
        [Description("Ablation config (JSON): conditions, models, metrics.")]
        public string Config { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Workspace) || string.IsNullOrWhiteSpace(Config)
                ? ValidationResult.Error("--workspace DIR and --config FILE are required.")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = AblationConfig.Load(settings.Config);
        var workspace = Workspace.Open(settings.Workspace);
        var progress = new Progress<string>(m => console.MarkupLineInterpolated($"[grey]{m}[/]"));
        var (report, folder) = await new AblationRunner(workspace, config).RunAsync(progress, cancellationToken);
        console.WriteLine($"Ablation '{config.Name}': {report.Rows.Count} systems × {report.Metrics.Count} metrics on {report.Items} test items, {report.Deltas.Count} comparisons; report in {folder}");
        return 0;
    }
}
