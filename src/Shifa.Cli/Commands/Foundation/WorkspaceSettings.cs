using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Foundation;

/// <summary>Settings every foundation command shares.</summary>
internal class WorkspaceSettings : CommandSettings
{
    [CommandOption("-w|--workspace <DIR>")]
    [Description("Workspace folder (holds shifa.db; created when missing).")]
    public string? Workspace { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Workspace) ? ValidationResult.Error("--workspace DIR is required.") : ValidationResult.Success();
}
