using Microsoft.Playwright;
using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Core.Storage;

namespace Shifa.Web.Tests.Reports;

/// <summary>Runs a small pipeline and opens its report in Debian's chromium, the way a user reads it.</summary>
public sealed class RunReportBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-report-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Sample()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "samples", "aramed-sample.csv");
            if (File.Exists(p))
            {
                return p;
            }
        }

        throw new InvalidOperationException("samples/aramed-sample.csv not found above the test folder.");
    }

    [Fact]
    public async Task Report_of_a_run_shows_every_section_in_a_real_browser()
    {
        var config = Path.Combine(_dir, "config.json");
        File.WriteAllText(config, $$"""
            {
              "name": "report check",
              "seed": { "path": "{{Sample().Replace("\\", "/")}}", "source": "aramed" },
              "synthesis": { "providers": [ { "name": "offline", "count": 40 } ] },
              "conditions": [ "original", "original+offline" ],
              "evaluation": { "metrics": [ "chrf", "rougeL" ], "systems": [ "retrieval" ], "maxItems": 6 }
            }
            """);
        var c = PipelineConfigLoader.Load(config);
        var ws = Workspace.Open(Path.Combine(_dir, "ws"));
        await new PipelineRunner(PipelineStages.Build(c)).RunAsync(new PipelineContext(c, config, ws, _ => { }));
        var index = Path.Combine(ws.Root, "reports", "run", "index.html");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(new Uri(index).AbsoluteUri);

        var headings = await page.Locator("section > h2").AllInnerTextsAsync();
        Assert.Equal(
            ["Data profile", "Synthesis: spend and yield", "Curation funnel", "Expert validation", "Training curves",
             "Ablation: models × data conditions", "Sample answers side by side", "Safety layer", "Reproducibility"],
            headings);
        var ablation = await page.Locator("#ablation").InnerTextAsync();
        Assert.Contains("retrieval", ablation);
        Assert.Contains("original+offline", ablation);
        Assert.Contains("held out", await page.Locator("#safety").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        // Every chart the report references was copied beside it and decodes as an image.
        var broken = await page.EvaluateAsync<int>("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length");
        Assert.Equal(0, broken);
        Assert.True(await page.Locator("img").CountAsync() > 0);

        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "run-report.png"), FullPage = false });
    }
}
