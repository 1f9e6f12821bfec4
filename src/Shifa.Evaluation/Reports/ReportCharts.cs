// Bar charts with 95% CI error bars, one PNG per metric (ScottPlot).
using ScottPlot;

namespace Shifa.Evaluation.Reports;

/// <summary>Draws one bar chart per metric: a bar per system, whiskers for the bootstrap interval.</summary>
public static class ReportCharts
{
    /// <summary>Writes <c>{metric}.png</c> files into <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(EvaluationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        foreach (var metric in report.Metrics)
        {
            using var plot = new Plot();
            var bars = report.Rows.Select((row, i) =>
            {
                var c = row.Cells[metric];
                return new Bar
                {
                    Position = i,
                    Value = c.Mean,
                    // ScottPlot draws symmetric whiskers; the larger side keeps the whole interval visible.
                    Error = Math.Max(c.Mean - c.Lower, c.Upper - c.Mean),
                    FillColor = c.Best ? Colors.SeaGreen : Colors.SteelBlue,
                };
            }).ToList();
            plot.Add.Bars(bars);
            var ticks = report.Rows.Select((row, i) => new Tick(i, row.System, isMajor: true)).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Axes.Bottom.TickLabelStyle.Rotation = report.Rows.Count > 4 ? 30 : 0;
            plot.Axes.Margins(bottom: 0);
            plot.Title($"{metric} (mean, 95% CI)");
            var safe = string.Concat(metric.Select(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' ? ch : '_'));
            var path = Path.Combine(folder, $"{safe}.png");
            plot.SavePng(path, Math.Max(480, 120 * report.Rows.Count), 400);
            paths.Add(path);
        }

        return paths;
    }
}
