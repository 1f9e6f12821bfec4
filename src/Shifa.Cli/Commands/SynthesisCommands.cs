using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the synthesis commands.</summary>
internal static class SynthesisCommands
{
    public static IConfigurator AddSynthesisCommands(this IConfigurator config)
    {
        return config;
    }
}
