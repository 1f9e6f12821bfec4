using System.ComponentModel;
using Shifa.Core.Storage;
using Shifa.Web.Rating;
using Shifa.Web.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Serving;

/// <summary><c>shifa serve ratings export</c>: writes all expert ratings as JSONL for aggregation.</summary>
internal sealed class RatingsExportCommand : Command<RatingsExportCommand.Settings>
{
    internal sealed class Settings : ServingSettings
    {
        [CommandOption("--out <JSONL>")]
        [Description("Output file.")]
        public string Out { get; init; } = "ratings.jsonl";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var w = new StreamWriter(settings.Out);
        var n = new RatingStore(Workspace.Open(settings.Workspace!, WebSchema.Instance)).Export(w);
        AnsiConsole.WriteLine($"serve ratings export: {n} ratings written to {Path.GetFullPath(settings.Out)}");
        return 0;
    }
}
