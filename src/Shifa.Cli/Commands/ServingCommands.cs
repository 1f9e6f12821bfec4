using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the serving commands.</summary>
internal static class ServingCommands
{
    public static IConfigurator AddServingCommands(this IConfigurator config)
    {
        return config;
    }
}
