// Writes a CurationReport as report.md, report.json and one score histogram PNG per stage.
using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;

namespace Shifa.Curation.Reporting;

/// <summary>Renders a <see cref="CurationReport"/> into a folder.</summary>
public static class CurationReportWriter
{
    /// <summary>Writes <c>report.md</c>, <c>report.json</c> and <c>histograms/STAGE.png</c> into <paramref name="folder"/>; returns the Markdown path.</summary>
    public static string Write(CurationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var histograms = Path.Combine(folder, "histograms");
        Directory.CreateDirectory(histograms);
        var pngs = new List<string>();
        foreach (var (stage, values) in report.Scores)
        {
            var path = Path.Combine(histograms, stage + ".png");
            Histogram(values, $"{stage}: score of {values.Length} decisions", "score", path, Thresholds(report, stage));
            pngs.Add(Path.GetRelativePath(folder, path));
        }

        var json = JsonSerializer.Serialize(new
        {
            report.RunId,
            report.Scope,
            report.Targets,
            report.Kept,
            report.Dropped,
            report.Stages,
            report.Providers,
            report.Leakage,
            report.Settings,
            report.Examples,
            Histograms = pngs,
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        File.WriteAllText(Path.Combine(folder, "report.json"), json);
        var md = Markdown(report, pngs);
        var mdPath = Path.Combine(folder, "report.md");
        File.WriteAllText(mdPath, md);
        return mdPath;
    }

    /// <summary>Saves a histogram of <paramref name="values"/> with vertical lines at <paramref name="marks"/>.</summary>
    public static void Histogram(IReadOnlyList<double> values, string title, string xLabel, string path, IReadOnlyList<double> marks, IReadOnlyList<double>? overlay = null, string? overlayLabel = null)
    {
        // With two distributions of different sizes, bars show shares so the shapes can be compared.
        var shares = overlay is { Count: > 0 };
        var plot = new Plot();
        AddBars(plot, values, Colors.SteelBlue.WithAlpha(0.7), shares ? $"seed (n={values.Count})" : null, shares);
        if (shares)
        {
            AddBars(plot, overlay!, Colors.OrangeRed.WithAlpha(0.5), overlayLabel, shares);
            plot.ShowLegend();
        }

        foreach (var m in marks)
        {
            plot.Add.VerticalLine(m, 2, Colors.Black);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(shares ? "share of records" : "records");
        plot.SavePng(path, 800, 450);
    }

    private static void AddBars(Plot plot, IReadOnlyList<double> values, Color color, string? label, bool shares = false)
    {
        if (values.Count == 0)
        {
            return;
        }

        double min = values.Min(), max = values.Max();
        if (max - min < 1e-9)
        {
            max = min + 1;
        }

        const int Bins = 40;
        var width = (max - min) / Bins;
        var counts = new double[Bins];
        foreach (var v in values)
        {
            counts[Math.Clamp((int)((v - min) / width), 0, Bins - 1)]++;
        }

        if (shares)
        {
            for (var i = 0; i < Bins; i++)
            {
                counts[i] /= values.Count;
            }
        }

        var bars = plot.Add.Bars(Enumerable.Range(0, Bins).Select(i => min + (i + 0.5) * width).ToArray(), counts);
        foreach (var b in bars.Bars)
        {
            b.Size = width;
            b.FillColor = color;
            b.LineWidth = 0;
        }

        if (label is not null)
        {
            bars.LegendText = label;
        }
    }

    private static List<double> Thresholds(CurationReport report, string stage)
    {
        double Get(string name) => report.Settings.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
        var list = stage switch
        {
            "relevance" => report.Settings.TryGetProperty("relevanceBand", out var b) ? b.EnumerateArray().Select(x => x.GetDouble()).ToList() : [],
            "semantic-dup" => [Get("semanticDuplicateCosine")],
            "leakage" => [Get("leakageCosine")],
            "arabic-script" => [Get("minArabicRatio")],
            "restatement" => [Get("restatementContainment")],
            "degenerate" => [Get("minDistinctTrigramShare")],
            _ => new List<double>(),
        };
        return [.. list.Where(double.IsFinite)];
    }

    private static string Markdown(CurationReport r, List<string> pngs)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"# Curation report (run {r.RunId})").AppendLine();
        sb.AppendLine(ci, $"Scope: **{r.Scope}** · curated: **{r.Targets}** · kept: **{r.Kept}** · dropped: **{r.Dropped}**").AppendLine();
        sb.AppendLine("Every count below is computed from the `decisions` table of the workspace database.").AppendLine();
        sb.AppendLine("## Stages").AppendLine();
        sb.AppendLine("| # | stage | decided | kept | dropped | first drop here | seconds | drop reasons |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < r.Stages.Count; i++)
        {
            var s = r.Stages[i];
            var reasons = string.Join(", ", s.Reasons.Select(kv => $"{kv.Key} {kv.Value}"));
            sb.AppendLine(ci, $"| {i + 1} | {s.Stage} | {s.Decided} | {s.Kept} | {s.Dropped} | {s.FirstDrops} | {s.Seconds:0.00} | {reasons} |");
        }

        sb.AppendLine().AppendLine("## Providers").AppendLine();
        sb.AppendLine("| provider | curated | kept | drops by first failing stage |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var p in r.Providers)
        {
            sb.AppendLine(ci, $"| {p.Provider} | {p.Targets} | {p.Kept} | {string.Join(", ", p.FirstDropsByStage.Select(kv => $"{kv.Key} {kv.Value}"))} |");
        }

        sb.AppendLine().AppendLine("## Test-split leakage").AppendLine();
        sb.AppendLine(r.Leakage.Count == 0
            ? "No record was found to copy a test-split record."
            : "Dropped as copies of test-split records: " + string.Join(", ", r.Leakage.Select(kv => $"{kv.Key} {kv.Value}")) + ".");
        sb.AppendLine().AppendLine("## Thresholds").AppendLine().AppendLine("```json").AppendLine(r.Settings.GetRawText()).AppendLine("```");
        sb.AppendLine().AppendLine("## Examples of each drop reason").AppendLine();
        foreach (var g in r.Examples.GroupBy(e => (e.Stage, e.Reason)))
        {
            sb.AppendLine(ci, $"### {g.Key.Stage} / {g.Key.Reason}").AppendLine();
            foreach (var e in g)
            {
                var score = e.Score is double v ? v.ToString("0.###", ci) : "—";
                var match = e.MatchedId is null ? "" : $", matches `{e.MatchedId}`";
                sb.AppendLine(ci, $"- `{e.RecordId}` ({e.Provider}, score {score}{match})  ").AppendLine(ci, $"  Q: {e.Question}  ").AppendLine(ci, $"  A: {e.Answer}");
            }

            sb.AppendLine();
        }

        sb.AppendLine("## Score histograms").AppendLine();
        foreach (var p in pngs)
        {
            sb.AppendLine(ci, $"![{Path.GetFileNameWithoutExtension(p)}]({p})");
        }

        return sb.ToString();
    }
}
