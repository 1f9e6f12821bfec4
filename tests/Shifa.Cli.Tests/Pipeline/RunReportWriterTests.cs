using Shifa.Cli.Pipeline.Report;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class RunReportWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-report-writer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Record_text_with_markup_is_shown_inert_in_html_and_kept_in_markdown()
    {
        var hostile = "سؤال <script>alert('x')</script> <img src=x onerror=alert(1)> ؟";
        var index = RunReportWriter.Write(_dir, "تقرير <b>run</b>", [new ReportSection("samples", "Samples", $"| q |\n|---|\n| {hostile} |\n")]);
        var html = File.ReadAllText(index);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("تقرير &lt;b&gt;run&lt;/b&gt;", html);
        Assert.Contains(hostile, File.ReadAllText(Path.Combine(_dir, "report.md")));
    }

    [Fact]
    public void Images_are_copied_beside_the_report_under_section_names()
    {
        var png = Path.Combine(_dir, "chart.png");
        File.WriteAllBytes(png, [0x89, 0x50, 0x4E, 0x47]);
        var out_ = Path.Combine(_dir, "out");
        var index = RunReportWriter.Write(out_, "t", [new ReportSection("profile", "Profile", "text", [png, Path.Combine(_dir, "missing.png")])]);
        Assert.True(File.Exists(Path.Combine(out_, "profile-chart.png")));
        Assert.Contains("src=\"profile-chart.png\"", File.ReadAllText(index));
        Assert.DoesNotContain("missing", File.ReadAllText(index));
    }
}
