using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Serving;

/// <summary>Options shared by the serve commands.</summary>
internal class ServingSettings : CommandSettings
{
    [CommandOption("--workspace <DIR>")]
    [Description("Workspace folder (shifa.db, identity.db).")]
    public string? Workspace { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Workspace) ? ValidationResult.Error("--workspace DIR is required.") : ValidationResult.Success();
}
