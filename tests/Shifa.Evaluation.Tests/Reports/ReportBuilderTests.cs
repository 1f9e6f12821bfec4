using Shifa.Evaluation.Reports;
using Shifa.Evaluation.Storage;

namespace Shifa.Evaluation.Tests.Reports;

public sealed class ReportBuilderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    // Two models × two conditions over 40 items: "+offline" adds 0.05 to tiny's F1 on every item
    // (significant); "big" is unchanged between conditions (not significant).
    private static List<ItemScore> Scores()
    {
        var list = new List<ItemScore>();
        for (var i = 0; i < 40; i++)
        {
            var id = $"q{i:00}";
            var baseF = 0.6 + (0.1 * Math.Sin(i));
            list.Add(new("r", id, "tiny/original", "bertscore_f1", baseF, "sig-f"));
            list.Add(new("r", id, "tiny/original+offline", "bertscore_f1", baseF + 0.05, "sig-f"));
            list.Add(new("r", id, "big/original", "bertscore_f1", baseF + 0.1, "sig-f"));
            list.Add(new("r", id, "big/original+offline", "bertscore_f1", baseF + 0.1 + (i % 2 == 0 ? 0.02 : -0.021), "sig-f"));
            foreach (var s in new[] { "tiny/original", "tiny/original+offline", "big/original", "big/original+offline" })
            {
                list.Add(new("r", id, s, "chrF2", 30 + (i % 5), "sig-c"));
            }
        }

        return list;
    }

    [Fact]
    public void Means_intervals_best_marks_and_deltas_follow_the_scores()
    {
        var report = new ReportBuilder { Resamples = 500, Trials = 2000 }.Build("r", "Ablation", Scores(), ["bertscore_f1", "chrF2"], "original");
        Assert.Equal(40, report.Items);
        var tinyOrig = report.Rows.Single(r => r.System == "tiny/original");
        Assert.Equal(("tiny", "original"), (tinyOrig.Model, tinyOrig.Condition));
        var expectedMean = Enumerable.Range(0, 40).Average(i => 0.6 + (0.1 * Math.Sin(i)));
        Assert.Equal(expectedMean, tinyOrig.Cells["bertscore_f1"].Mean, 1e-12);
        Assert.True(tinyOrig.Cells["bertscore_f1"].Lower < expectedMean && expectedMean < tinyOrig.Cells["bertscore_f1"].Upper);

        Assert.True(report.Rows.Single(r => r.System == "big/original").Cells["bertscore_f1"].Best);
        Assert.Single(report.Rows, r => r.Cells["bertscore_f1"].Best);
        Assert.All(report.Rows, r => Assert.True(r.Cells["chrF2"].Best)); // all tie on chrF2

        var tinyDelta = report.Deltas.Single(d => d.Model == "tiny");
        Assert.Equal(0.05, tinyDelta.Cells["bertscore_f1"].Delta, 1e-12);
        Assert.True(tinyDelta.Cells["bertscore_f1"].Significant);
        var bigDelta = report.Deltas.Single(d => d.Model == "big");
        Assert.False(bigDelta.Cells["bertscore_f1"].Significant);
        Assert.Equal(1.0, bigDelta.Cells["chrF2"].PValue, 1e-12);
    }

    [Fact]
    public void Missing_item_scores_are_an_error_naming_system_and_metric()
    {
        var scores = Scores().Where(s => !(s.System == "big/original" && s.Metric == "chrF2" && s.RecordId == "q07")).ToList();
        var ex = Assert.Throws<InvalidOperationException>(() => new ReportBuilder().Build("r", "t", scores, ["chrF2"]));
        Assert.Contains("'big/original' has 39 'chrF2' scores", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_markdown_html_json_and_png_charts()
    {
        var report = new ReportBuilder { Resamples = 200, Trials = 500 }.Build("r", "Ablation", Scores(), ["bertscore_f1", "chrF2"], "original")
            with { EmptyAnswers = new Dictionary<string, int> { ["tiny/original"] = 3, ["big/original"] = 0 } };
        var paths = ReportWriter.WriteAll(report, _dir);
        var md = File.ReadAllText(Path.Combine(_dir, "report.md"));
        Assert.Contains("| big | original | **", md, StringComparison.Ordinal);
        Assert.Contains("+0.0500 (", md, StringComparison.Ordinal);
        Assert.Contains("sig-f", md, StringComparison.Ordinal);
        Assert.Contains("`tiny/original` gave an empty answer to 3 of 40 questions", md, StringComparison.Ordinal);
        Assert.DoesNotContain("`big/original` gave an empty answer", md, StringComparison.Ordinal);
        Assert.Contains("class=\"best\"", File.ReadAllText(Path.Combine(_dir, "index.html")), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "report.json")));
        Assert.Equal(4, json.RootElement.GetProperty("Rows").GetArrayLength());
        var png = paths.Where(p => p.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, png.Count);
        Assert.All(png, p => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(p)[..4]));
    }
}
