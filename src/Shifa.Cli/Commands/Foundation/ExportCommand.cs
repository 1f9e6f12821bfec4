// `shifa export`: writes the records of one split (or all) as JSONL, CSV, Parquet or Hugging Face chat.
using System.ComponentModel;
using Shifa.Core.Export;
using Shifa.Core.Records;
using Shifa.Core.Splitting;
using Shifa.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Foundation;

/// <summary>Exports records to a file.</summary>
internal sealed class ExportCommand(IAnsiConsole console) : Command<ExportCommand.Settings>
{
    internal sealed class Settings : WorkspaceSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("jsonl, csv, parquet or hf-chat ({\"messages\":[user, assistant]} per line).")]
        [DefaultValue("jsonl")]
        public string Format { get; init; } = "jsonl";

        [CommandOption("--split <SPLIT>")]
        [Description("train, val, test or all.")]
        [DefaultValue("all")]
        public string Split { get; init; } = "all";

        [CommandOption("--out <FILE>")]
        [Description("Output file (default: WORKSPACE/exports/SPLIT.EXT).")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            return !b.Successful ? b
                : ParseFormat(Format) is null ? ValidationResult.Error($"--format '{Format}' is unknown; use jsonl, csv, parquet or hf-chat.")
                : !TryParseSplit(Split, out _) ? ValidationResult.Error($"--split '{Split}' is unknown; use train, val, test or all.")
                : ValidationResult.Success();
        }
    }

    internal static ExportFormat? ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "jsonl" => ExportFormat.Jsonl,
        "csv" => ExportFormat.Csv,
        "parquet" => ExportFormat.Parquet,
        "hf-chat" or "hfchat" => ExportFormat.HfChat,
        _ => null,
    };

    internal static bool TryParseSplit(string text, out RecordSplit? split)
    {
        split = text.Trim().ToLowerInvariant() switch
        {
            "train" => RecordSplit.Train,
            "val" or "validation" => RecordSplit.Val,
            "test" => RecordSplit.Test,
            _ => null,
        };
        return split is not null || text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = ParseFormat(settings.Format)!.Value;
        TryParseSplit(settings.Split, out var split);
        var ws = Workspace.Open(settings.Workspace!);
        var name = (split?.ToString().ToLowerInvariant() ?? "all") + RecordExporter.Extension(format);
        var path = settings.Out ?? Path.Combine(ws.ArtifactPath("exports"), name);
        int n;
        try
        {
            // Synthetic records' split follows decisions made since (curation, expert review): bring it up to date first.
            SyntheticSplitRule.Apply(ws);
            n = RecordExporter.ExportFile(ws, format, split, path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Line($"error: cannot write '{path}': {e.Message}");
            return 1;
        }

        console.Line($"export: {n} records ({settings.Split}) written to {path} as {settings.Format.ToLowerInvariant()}");
        if (n == 0)
        {
            console.Line(split is null
                ? "error: the workspace has no records; run 'shifa ingest' first."
                : $"error: no records in split '{settings.Split}'; run 'shifa split --workspace {settings.Workspace}' first.");
            return 1;
        }

        return 0;
    }
}
