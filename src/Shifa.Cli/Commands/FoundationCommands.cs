using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the foundation commands.</summary>
internal static class FoundationCommands
{
    public static IConfigurator AddFoundationCommands(this IConfigurator config)
    {
        return config;
    }
}
