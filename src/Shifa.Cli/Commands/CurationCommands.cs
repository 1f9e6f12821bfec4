using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the curation commands.</summary>
internal static class CurationCommands
{
    public static IConfigurator AddCurationCommands(this IConfigurator config)
    {
        return config;
    }
}
