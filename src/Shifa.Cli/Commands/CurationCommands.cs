using Shifa.Cli.Commands.Curation;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the curation commands.</summary>
internal static class CurationCommands
{
    public static IConfigurator AddCurationCommands(this IConfigurator config)
    {
        config.AddBranch<CurateSettings>("curate", curate =>
        {
            curate.SetDescription("Filter records (synthetic by default) through rules, dedup, test-leakage and relevance checks; writes curate/report.md.");
            curate.SetDefaultCommand<CurateCommand>();
            curate.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Suggest the relevance band from the seed set's nearest-neighbour similarities; writes curate/calibration.png.")
                .WithExample("curate", "calibrate", "--workspace", "ws");
        });
        return config;
    }
}
