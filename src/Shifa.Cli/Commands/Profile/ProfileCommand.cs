// `shifa profile --workspace DIR`: profile the workspace's records and write profile/ artifacts.
using System.ComponentModel;
using System.Globalization;
using Shifa.Core.Profiling;
using Shifa.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Profile;

/// <summary>Computes the dataset profile that synthesis plans from.</summary>
[Description("Profile the records of a workspace: specialties, lengths, dialect mix, Arabic ratio, duplicates, PII; writes profile.json, profile.md and PNG charts.")]
internal sealed class ProfileCommand : Command<ProfileSettings>
{
    public override int Execute(CommandContext context, ProfileSettings settings, CancellationToken cancellationToken)
    {
        var workspace = Workspace.Open(settings.Workspace);
        var count = new RecordStore(workspace).Count();
        if (count == 0)
        {
            AnsiConsole.MarkupLine($"[red]error:[/] workspace '{Markup.Escape(workspace.Root)}' has no records; run `shifa ingest PATH --workspace {Markup.Escape(settings.Workspace)}` first.");
            return 1;
        }

        var result = ProfileRun.Run(workspace, ct: cancellationToken);
        var p = result.Profile;
        var dialectal = p.RecordCount == 0 ? 0 : 1 - ((double)p.Dialects.GetValueOrDefault("msa") / p.RecordCount);
        var pii = p.Pii.HitsByKind.Values.Sum();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"profile: {p.RecordCount} records, {p.Specialties.Count} specialties, {dialectal:P1} dialectal, {p.Duplicates.QuestionDuplicateRate:P1} duplicate questions, {pii} PII hits -> {result.JsonPath} (+ profile.md, {result.ChartPaths.Count} charts)"));
        return 0;
    }
}
