// `shifa ingest`: reads a CSV/TSV/JSONL/XLSX/Parquet file into the workspace and accounts for every row.
using System.ComponentModel;
using Shifa.Core.Ingest;
using Shifa.Core.Readers;
using Shifa.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Foundation;

/// <summary>Ingests a file of question/answer rows.</summary>
internal sealed class IngestCommand(IAnsiConsole console) : Command<IngestCommand.Settings>
{
    private const int RejectsShown = 20;
    private const long PlainProgressEvery = 10_000;

    internal sealed class Settings : WorkspaceSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Input file: .csv, .tsv, .jsonl, .xlsx or .parquet.")]
        public string Path { get; init; } = "";

        [CommandOption("--map <MAP>")]
        [Description("Column map, e.g. question=Question description,answer=Answer details 1,specialty=Question category. Unset fields come from a recognised layout (AraMed, or plain question/answer names).")]
        public string? Map { get; init; }

        [CommandOption("--source <NAME>")]
        [Description("Source dataset name recorded in provenance (default: the layout's, else the file name).")]
        public string? Source { get; init; }

        [CommandOption("--encoding <ENCODING>")]
        [Description("auto (default), utf-8 or windows-1256. With utf-8, rows with invalid bytes are rejected.")]
        [DefaultValue("auto")]
        public string Encoding { get; init; } = "auto";

        [CommandOption("--licence <TEXT>")]
        [Description("Licence of the text, recorded in provenance.")]
        public string? Licence { get; init; }

        [CommandOption("--scrub-pii")]
        [Description("Replace doctor signatures, phones, e-mails, URLs, self-disclosed names and id numbers in the text with placeholders such as [DOCTOR].")]
        public bool ScrubPii { get; init; }

        [CommandOption("--max-field-chars <N>")]
        [Description("Longest accepted question/answer in characters; longer rows are rejected.")]
        [DefaultValue(200_000)]
        public int MaxFieldChars { get; init; } = 200_000;

        public override ValidationResult Validate()
        {
            var baseResult = base.Validate();
            if (!baseResult.Successful)
            {
                return baseResult;
            }

            return ParseEncoding(Encoding) is null
                ? ValidationResult.Error($"--encoding '{Encoding}' is unknown; use auto, utf-8 or windows-1256.")
                : MaxFieldChars <= 0 ? ValidationResult.Error("--max-field-chars must be positive.") : ValidationResult.Success();
        }
    }

    internal static EncodingChoice? ParseEncoding(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => EncodingChoice.Auto,
        "utf-8" or "utf8" => EncodingChoice.Utf8,
        "windows-1256" or "cp1256" or "1256" => EncodingChoice.Windows1256,
        _ => null,
    };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IngestOptions options;
        try
        {
            options = new IngestOptions
            {
                Source = settings.Source,
                Licence = settings.Licence,
                Encoding = ParseEncoding(settings.Encoding)!.Value,
                Map = settings.Map is null ? null : ColumnMap.Parse(settings.Map),
                MaxFieldChars = settings.MaxFieldChars,
                ScrubPii = settings.ScrubPii,
            };
        }
        catch (FormatException e)
        {
            return Fail(e.Message);
        }

        IngestResult result;
        try
        {
            var ws = Workspace.Open(settings.Workspace!);
            var ingestor = new RecordIngestor(ws);
            result = ProgressDisplay.Run(console, "ingest", PlainProgressEvery,
                progress => ingestor.Ingest(settings.Path, options, progress, cancellationToken));
        }
        catch (Exception e) when (e is TableReadException or ColumnMappingException or IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message);
        }

        console.Line($"read {result.Path} as {result.Format.ToString().ToLowerInvariant()} ({result.Encoding})"
                          + (result.Layout is null ? "" : $", layout {result.Layout}")
                          + $", source '{result.Source}'; columns: "
                          + string.Join(", ", result.Map.Pairs().Select(p => $"{p.Field}='{p.Column}'")));
        foreach (var r in result.Rejects.Take(RejectsShown))
        {
            console.Line($"  rejected {result.LocatorKind} {r.Line}{(r.Field is null ? "" : $" [{r.Field}]")}: {r.Reason}");
        }

        if (result.Rejects.Count > RejectsShown)
        {
            console.Line($"  ... and {result.Rejects.Count - RejectsShown} more rejects (table ingest_rejects, run_id {result.RunId}).");
        }

        if (settings.ScrubPii)
        {
            console.Line("personal information replaced: " + (result.PiiReplaced.Count == 0
                ? "none found"
                : string.Join(", ", result.PiiReplaced.OrderBy(p => p.Key).Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value}"))));
        }

        console.Line($"ingest: {result.Summary}");
        if (result.Ingested + result.Duplicates == 0)
        {
            return Fail($"nothing usable in '{settings.Path}': every row was rejected (see the reasons above).");
        }

        return 0;
    }

    private int Fail(string message)
    {
        console.Line($"error: {message}");
        return 1;
    }
}
