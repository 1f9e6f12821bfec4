using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Curation;

/// <summary>Settings shared by <c>shifa curate</c> and <c>shifa curate calibrate</c>.</summary>
internal class CurateSettings : CommandSettings
{
    [CommandOption("-w|--workspace <DIR>")]
    [Description("Workspace folder (holds shifa.db).")]
    public string? Workspace { get; init; }

    [CommandOption("-c|--config <FILE>")]
    [Description("JSON file with curation settings, or a Shifa config with a 'curation' section; defaults apply when omitted.")]
    public string? Config { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Workspace) ? ValidationResult.Error("--workspace DIR is required.") : ValidationResult.Success();
}
