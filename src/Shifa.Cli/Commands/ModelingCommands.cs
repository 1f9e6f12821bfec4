using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the modeling commands.</summary>
internal static class ModelingCommands
{
    public static IConfigurator AddModelingCommands(this IConfigurator config)
    {
        return config;
    }
}
