using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the pipeline commands.</summary>
internal static class PipelineCommands
{
    public static IConfigurator AddPipelineCommands(this IConfigurator config)
    {
        return config;
    }
}
