using System.ComponentModel;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Synthesis;

/// <summary>Options shared by the synthesize commands.</summary>
internal class SynthesisSettings : CommandSettings
{
    [CommandOption("-w|--workspace <DIR>")]
    [Description("Workspace folder (created when missing).")]
    [DefaultValue(".")]
    public string Workspace { get; init; } = ".";
}
