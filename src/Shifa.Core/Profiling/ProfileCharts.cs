// PNG charts of a DatasetProfile, drawn with ScottPlot (SkiaSharp with HarfBuzz shaping for Arabic labels).
using ScottPlot;

namespace Shifa.Core.Profiling;

/// <summary>Draws the profile's charts as PNG files.</summary>
public static class ProfileCharts
{
    /// <summary>File names of the charts <see cref="Write"/> produces, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["specialties.png", "question-length.png", "answer-length.png", "dialects.png", "arabic-ratio.png"];

    /// <summary>Writes every chart into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(DatasetProfile profile, string directory)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        void Save(Plot plot, string name, int width, int height)
        {
            var path = Path.Combine(directory, name);
            plot.SavePng(path, width, height);
            paths.Add(path);
        }

        var specialties = profile.Specialties;
        Save(
            HorizontalBars(
                $"Specialties ({specialties.Count})",
                "records",
                [.. specialties.Select(s => (double)s.Count)],
                [.. specialties.Select(s => s.Label)]),
            FileNames[0], 1000, Math.Max(300, 80 + (24 * specialties.Count)));
        Save(HistogramChart("Question length (characters)", profile.QuestionLength.Chars), FileNames[1], 900, 450);
        Save(HistogramChart("Answer length (characters)", profile.AnswerLength.Chars), FileNames[2], 900, 450);
        Save(
            HorizontalBars("Dialect mix", "records", [.. profile.Dialects.Values.Select(v => (double)v)], [.. profile.Dialects.Keys]),
            FileNames[3], 800, 320);
        Save(HistogramChart("Arabic-letter share of questions", profile.QuestionArabicRatio), FileNames[4], 900, 450);
        return paths;
    }

    private static Plot HorizontalBars(string title, string valueLabel, double[] values, string[] labels)
    {
        var plot = NewPlot(title);
        var bars = plot.Add.Bars(values.Select((v, i) => (double)(values.Length - 1 - i)).ToArray(), values);
        bars.Horizontal = true;
        foreach (var bar in bars.Bars)
        {
            bar.Label = bar.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        }

        bars.ValueLabelStyle.FontSize = 12;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Length; i++)
        {
            ticks.AddMajor(labels.Length - 1 - i, labels[i]);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Margins(left: 0, right: 0.1);
        plot.XLabel(valueLabel);
        return plot;
    }

    private static Plot HistogramChart(string title, Distribution d)
    {
        var plot = NewPlot(title);
        var values = d.Histogram.Select(b => (double)b.Count).ToArray();
        plot.Add.Bars(values);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < d.Histogram.Count; i++)
        {
            var b = d.Histogram[i];
            ticks.AddMajor(i, b.Upper is { } u ? $"{b.Lower:0.##}–{u:0.##}" : $"≥{b.Lower:0.##}");
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("records");
        plot.XLabel(FormattableString.Invariant($"median {d.P50:0.##}, p90 {d.P90:0.##}, max {d.Max:0.##}, n = {d.Count}"));
        return plot;
    }

    private static readonly Lazy<string> ArabicFont = new(() =>
    {
        foreach (var name in new[] { "DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Arial", "Segoe UI", "Tahoma" })
        {
            // Not disposed: the typeface may be the shared instance from ScottPlot's font cache.
            var typeface = Fonts.GetTypeface(name, false, false);
            if (typeface.FamilyName == name && typeface.GetGlyph('\u0645') != 0)
            {
                return name;
            }
        }

        return Fonts.Default;
    });

    /// <summary>The font the charts use for labels (one that can draw Arabic when the system has it).</summary>
    public static string FontName => ArabicFont.Value;

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        // A system font that has Arabic glyphs (DejaVu Sans on Debian); HarfBuzz shaping joins and
        // orders them right to left. Without one, labels fall back to the default font.
        plot.Font.Set(ArabicFont.Value);
        plot.Title(title);
        return plot;
    }
}
