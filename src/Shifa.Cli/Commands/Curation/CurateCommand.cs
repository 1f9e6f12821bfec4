// `shifa curate`: runs the filter chain over the workspace and writes the report.
using System.Globalization;
using Shifa.Core.Splitting;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Reporting;
using Shifa.Curation.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Curation;

/// <summary>Curates the workspace's records (synthetic by default) and writes curate/report.md, report.json and histograms.</summary>
internal sealed class CurateCommand : AsyncCommand<CurateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CurateSettings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        try
        {
            var options = settings.Config is null ? new CurationOptions() : CurationConfigReader.Load(settings.Config);
            var ws = Workspace.Open(settings.Workspace!, CurationSchema.Instance);
            var progress = new StageLines(s => console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture, $"  {s.Stage,-17} inputs {s.Inputs,7}  decided {s.Decided,7}  dropped {s.Dropped,6}  {s.Seconds,6:0.00}s"));
            var result = await CurationRunner.RunAsync(ws, options, progress: progress, ct: cancellationToken);
            var report = CurationReport.Build(ws, result.RunId);
            var md = CurationReportWriter.Write(report, ws.ArtifactPath("curate"));
            // Accepted synthetic records join the train split now; rejected ones and those grounded on held-out exemplars stay out.
            var splits = SyntheticSplitRule.Apply(ws);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"curate: {result.Targets} records ({options.Scope}), kept {result.Kept}, dropped {result.Targets - result.Kept}, {result.Decided} decisions made, {report.Leakage.Values.Sum()} test leaks; {splits.Train} synthetic in train; report {md}");
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or InvalidOperationException or IOException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }

    // Progress<T> posts to the thread pool and can reorder lines; stages finish one after another, so print inline.
    private sealed class StageLines(Action<StageRunSummary> print) : IProgress<StageRunSummary>
    {
        public void Report(StageRunSummary value) => print(value);
    }
}
