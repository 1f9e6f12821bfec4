using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Profile;

/// <summary>Options of <c>shifa profile</c>.</summary>
internal sealed class ProfileSettings : CommandSettings
{
    [CommandOption("-w|--workspace <DIR>")]
    [Description("Workspace folder (holds shifa.db); the profile is written to DIR/profile/.")]
    public string Workspace { get; init; } = "";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Workspace))
        {
            return ValidationResult.Error("--workspace DIR is required: the folder that `shifa ingest` filled.");
        }

        return File.Exists(Path.Combine(Workspace, "shifa.db"))
            ? ValidationResult.Success()
            : ValidationResult.Error($"No workspace at '{Path.GetFullPath(Workspace)}' (no shifa.db); run `shifa ingest PATH --workspace {Workspace}` first.");
    }
}
