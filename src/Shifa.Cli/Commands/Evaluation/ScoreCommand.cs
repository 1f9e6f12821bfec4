// `shifa evaluate score`: scores a file of answers against a file of references.
using System.ComponentModel;
using System.Globalization;
using Shifa.Core.Storage;
using Shifa.Evaluation.Scoring;
using Shifa.Evaluation.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Evaluation;

/// <summary>Scores hypotheses (one per line) against references (one per line) and prints means with 95% CIs.</summary>
internal sealed class ScoreCommand(IAnsiConsole console) : Command<ScoreCommand.Settings>
{
    internal sealed class Settings : MetricSettings
    {
        [CommandOption("--hyps <FILE>")]
        [Description("UTF-8 file with one answer per line.")]
        public string Hyps { get; init; } = "";

        [CommandOption("--refs <FILE>")]
        [Description("UTF-8 file with one reference answer per line, aligned with --hyps.")]
        public string Refs { get; init; } = "";

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Hyps) || string.IsNullOrWhiteSpace(Refs)
                ? ValidationResult.Error("--hyps FILE and --refs FILE are required.")
                : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var hyps = ReadLines(settings.Hyps);
        var refs = ReadLines(settings.Refs);
        if (hyps.Count != refs.Count)
        {
            console.MarkupLineInterpolated($"[red]{settings.Refs} has {refs.Count} lines but {settings.Hyps} has {hyps.Count}; line i of each must be the same item.[/]");
            return 1;
        }

        if (settings.Workspace is not null)
        {
            Workspace.Open(settings.Workspace);
        }

        var (metrics, encoder) = settings.CreateMetrics();
        using var _ = encoder;
        var table = new Table().AddColumns("metric", "mean", "95% CI", "signature");
        var summary = new List<string>();
        foreach (var metric in metrics)
        {
            var values = metric.Score(hyps, refs.Select(r => (IReadOnlyList<string>)[r]).ToList());
            for (var k = 0; k < metric.Names.Count; k++)
            {
                var ci = Bootstrap.MeanInterval(values[k].Select(v => double.IsNaN(v) ? 0 : v).ToArray());
                table.AddRow(
                    Markup.Escape(metric.Names[k]),
                    ci.Mean.ToString("0.0000", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"[{ci.Lower:0.0000}, {ci.Upper:0.0000}]")),
                    Markup.Escape(metric.Signature));
                summary.Add(string.Create(CultureInfo.InvariantCulture, $"{metric.Names[k]}={ci.Mean:0.0000}"));
            }
        }

        console.Write(table);
        console.WriteLine($"Scored {hyps.Count} items: {string.Join(", ", summary)}");
        return 0;
    }

    private static List<string> ReadLines(string path) =>
        File.Exists(path)
            ? [.. File.ReadAllLines(path)]
            : throw new FileNotFoundException($"File '{path}' not found.", path);
}
