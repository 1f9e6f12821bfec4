using System.ComponentModel;
using System.Text.Json;
using Shifa.Core.Storage;
using Shifa.Web.Rating;
using Shifa.Web.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Serving;

/// <summary><c>shifa serve ratings import</c>: loads answers for experts to rate from JSONL.</summary>
internal sealed class RatingsImportCommand : Command<RatingsImportCommand.Settings>
{
    internal sealed class Settings : ServingSettings
    {
        [CommandOption("--file <JSONL>")]
        [Description("One object per line: id, question, system_a, answer_a, and optionally system_b, answer_b for a side-by-side item.")]
        public string? File { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.File is null || !System.IO.File.Exists(settings.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]--file '{settings.File}' not found.[/]");
            return 1;
        }

        var items = new List<RatingItem>();
        var line = 0;
        foreach (var text in System.IO.File.ReadLines(settings.File))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                var r = doc.RootElement;
                string Req(string f) => r.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
                    ? v.GetString()! : throw new FormatException($"field '{f}' is missing or empty");
                string? Opt(string f) => r.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                items.Add(new RatingItem(Req("id"), Req("question"), Req("system_a"), Req("answer_a"), Opt("system_b"), Opt("answer_b")));
            }
            catch (Exception ex) when (ex is JsonException or FormatException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{settings.File}, line {line}: {ex.Message}[/]");
                return 1;
            }
        }

        try
        {
            var added = new RatingStore(Workspace.Open(settings.Workspace!, WebSchema.Instance)).Add(items);
            AnsiConsole.WriteLine($"serve ratings import: {added} new of {items.Count} items from {settings.File} ({items.Count(i => i.IsPairwise)} side-by-side)");
            return 0;
        }
        catch (ArgumentException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{settings.File}: {ex.Message}[/]");
            return 1;
        }
    }
}
