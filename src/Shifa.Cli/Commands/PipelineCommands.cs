using Shifa.Cli.Commands.Pipeline;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the pipeline commands.</summary>
internal static class PipelineCommands
{
    public static IConfigurator AddPipelineCommands(this IConfigurator config)
    {
        config.AddCommand<RunCommand>("run")
            .WithDescription("Run the whole pipeline from one configuration file, skipping stages that are up to date and resuming interrupted ones.")
            .WithExample("run", "--config", "samples/quickstart.json", "--workspace", "ws")
            .WithExample("run", "--config", "samples/reference-study.json", "--workspace", "ws", "--dry-run");
        return config;
    }
}
