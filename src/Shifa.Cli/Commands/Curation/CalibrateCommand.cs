// `shifa curate calibrate`: suggests the relevance band from the seed set's own similarity distribution.
using System.ComponentModel;
using System.Globalization;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Relevance;
using Shifa.Curation.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Curation;

/// <summary>Writes curate/calibration.json and calibration.png and prints the suggested band.</summary>
internal sealed class CalibrateCommand : AsyncCommand<CalibrateCommand.Settings>
{
    internal sealed class Settings : CurateSettings
    {
        [CommandOption("--low <PERCENTILE>")]
        [Description("Percentile of the seed's nearest-neighbour cosines used as the lower bound.")]
        [DefaultValue(2.0)]
        public double Low { get; init; } = 2;

        [CommandOption("--high <PERCENTILE>")]
        [Description("Percentile used as the upper bound.")]
        [DefaultValue(99.0)]
        public double High { get; init; } = 99;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        try
        {
            var options = settings.Config is null ? new CurationOptions() : CurationConfigReader.Load(settings.Config);
            var ws = Workspace.Open(settings.Workspace!, CurationSchema.Instance);
            var r = await RelevanceCalibrator.RunAsync(ws, options, settings.Low, settings.High, cancellationToken);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"curate calibrate: {r.SeedRecords} seed records, suggested relevanceBand [[{r.SuggestedLow:0.###}, {r.SuggestedHigh:0.###}]] (p{r.LowPercentile:0.#}/p{r.HighPercentile:0.#}), current [[{options.RelevanceBand[0]:0.###}, {options.RelevanceBand[1]:0.###}]]; histogram {r.HistogramPath}");
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or InvalidOperationException or IOException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}
