using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the evaluation commands.</summary>
internal static class EvaluationCommands
{
    public static IConfigurator AddEvaluationCommands(this IConfigurator config)
    {
        return config;
    }
}
