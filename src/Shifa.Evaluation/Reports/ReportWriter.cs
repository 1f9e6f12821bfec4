// Writes a report as Markdown, HTML, JSON and PNG charts.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Shifa.Evaluation.Reports;

/// <summary>Writes <c>report.md</c>, <c>index.html</c>, <c>report.json</c> and <c>charts/*.png</c> into a folder.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes every format; returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(EvaluationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var charts = ReportCharts.Write(report, Path.Combine(folder, "charts"));
        var md = Path.Combine(folder, "report.md");
        File.WriteAllText(md, Markdown(report, charts.Select(c => Path.GetRelativePath(folder, c)).ToList()));
        var html = Path.Combine(folder, "index.html");
        File.WriteAllText(html, Html(report, charts.Select(c => Path.GetRelativePath(folder, c)).ToList()));
        var json = Path.Combine(folder, "report.json");
        File.WriteAllText(json, JsonSerializer.Serialize(report, Json));
        return [md, html, json, .. charts];
    }

    /// <summary>The Markdown page: results table (best per column in bold) and the deltas table.</summary>
    public static string Markdown(EvaluationReport r, IReadOnlyList<string>? charts = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# {r.Title}").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Run `{r.RunId}`: {r.Items} test items per system; means with bootstrap 95% CIs ({r.Resamples} resamples, seed {r.Seed}); **bold** = best in column.").AppendLine();
        sb.Append("| Model | Condition |");
        foreach (var m in r.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {m} |");
        }

        sb.AppendLine().Append("|---|---|");
        sb.AppendLine(string.Concat(r.Metrics.Select(_ => "---:|")));
        foreach (var row in r.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {row.Model} | {row.Condition} |");
            foreach (var m in r.Metrics)
            {
                var c = row.Cells[m];
                var text = Format(c);
                sb.Append(' ').Append(c.Best ? $"**{text}**" : text).Append(" |");
            }

            sb.AppendLine();
        }

        foreach (var (system, count) in r.EmptyAnswers.Where(e => e.Value > 0))
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"Note: `{system}` gave an empty answer to {count} of {r.Items} questions; those items are scored as empty answers.");
            sb.AppendLine();
        }

        if (r.Deltas.Count > 0)
        {
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## Differences against `{r.Deltas[0].Baseline}`").AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Δ = condition − baseline for the same model; p from paired approximate randomization ({r.Trials} shuffles); * = p < {r.Alpha}.").AppendLine();
            sb.Append("| Model | Condition |").AppendLine(string.Concat(r.Metrics.Select(m => $" Δ {m} (p) |")));
            sb.Append("|---|---|").AppendLine(string.Concat(r.Metrics.Select(_ => "---:|")));
            foreach (var d in r.Deltas)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {d.Model} | {d.Condition} |");
                foreach (var m in r.Metrics)
                {
                    sb.Append(' ').Append(FormatDelta(d.Cells[m])).Append(" |");
                }

                sb.AppendLine();
            }
        }

        sb.AppendLine().AppendLine("## Metric signatures").AppendLine();
        foreach (var (m, s) in r.Signatures)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {m}: `{s}`");
        }

        foreach (var chart in charts ?? [])
        {
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"![{Path.GetFileNameWithoutExtension(chart)}]({chart.Replace('\\', '/')})");
        }

        return sb.ToString();
    }

    /// <summary>A self-contained HTML page with the same tables.</summary>
    public static string Html(EvaluationReport r, IReadOnlyList<string>? charts = null)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.AppendLine("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .AppendLine(CultureInfo.InvariantCulture, $"<title>{E(r.Title)}</title>")
            .AppendLine("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,td:nth-child(2),th{text-align:left}.best{font-weight:bold;background:#eef7ee}.sig{color:#064}</style></head><body>")
            .AppendLine(CultureInfo.InvariantCulture, $"<h1>{E(r.Title)}</h1>")
            .AppendLine(CultureInfo.InvariantCulture, $"<p>Run <code>{E(r.RunId)}</code>: {r.Items} test items per system; means with bootstrap 95% CIs ({r.Resamples} resamples, seed {r.Seed}); highlighted = best in column.</p>")
            .Append("<table><tr><th>Model</th><th>Condition</th>");
        foreach (var m in r.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{E(m)}</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var row in r.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.Model)}</td><td>{E(row.Condition)}</td>");
            foreach (var m in r.Metrics)
            {
                var c = row.Cells[m];
                sb.Append(c.Best ? "<td class=\"best\">" : "<td>").Append(E(Format(c))).Append("</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table>");
        foreach (var (system, count) in r.EmptyAnswers.Where(e => e.Value > 0))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<p>Note: <code>{E(system)}</code> gave an empty answer to {count} of {r.Items} questions; those items are scored as empty answers.</p>");
        }

        if (r.Deltas.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<h2>Differences against {E(r.Deltas[0].Baseline)}</h2><p>p from paired approximate randomization ({r.Trials} shuffles); * = p &lt; {r.Alpha}.</p>")
                .Append("<table><tr><th>Model</th><th>Condition</th>");
            foreach (var m in r.Metrics)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<th>Δ {E(m)} (p)</th>");
            }

            sb.AppendLine("</tr>");
            foreach (var d in r.Deltas)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.Model)}</td><td>{E(d.Condition)}</td>");
                foreach (var m in r.Metrics)
                {
                    sb.Append(d.Cells[m].Significant ? "<td class=\"sig\">" : "<td>").Append(E(FormatDelta(d.Cells[m]))).Append("</td>");
                }

                sb.AppendLine("</tr>");
            }

            sb.AppendLine("</table>");
        }

        sb.AppendLine("<h2>Metric signatures</h2><ul>");
        foreach (var (m, s) in r.Signatures)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<li>{E(m)}: <code>{E(s)}</code></li>");
        }

        sb.AppendLine("</ul>");
        foreach (var chart in charts ?? [])
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<p><img src=\"{E(chart.Replace('\\', '/'))}\" alt=\"{E(Path.GetFileNameWithoutExtension(chart))}\"></p>");
        }

        return sb.AppendLine("</body></html>").ToString();
    }

    private static string Format(ReportCell c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Mean:0.0000} [{c.Lower:0.0000}, {c.Upper:0.0000}]");

    private static string FormatDelta(DeltaCell d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Delta:+0.0000;-0.0000;0.0000} ({d.PValue:0.000}){(d.Significant ? "*" : string.Empty)}");
}
