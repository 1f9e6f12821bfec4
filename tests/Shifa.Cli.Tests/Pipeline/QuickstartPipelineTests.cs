using System.Diagnostics;
using System.Text.Json;
using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Core.Storage;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class QuickstartPipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-quickstart-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task<PipelineResult> RunInProcess(string config, string workspace)
    {
        var c = PipelineConfigLoader.Load(config);
        var ctx = new PipelineContext(c, config, Workspace.Open(workspace), _ => { });
        return await new PipelineRunner(PipelineStages.Build(c)).RunAsync(ctx);
    }

    // The ablation's figures: every system × condition × metric mean, as written to report.json.
    private static string Figures(string workspace)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "reports", "ablation-pipeline", "report.json")));
        return doc.RootElement.GetProperty("Rows").ToString();
    }

    [Fact]
    public async Task Quickstart_runs_end_to_end_and_a_second_run_does_no_work()
    {
        var config = ReducedQuickstart.Write(Path.Combine(_dir, "in"));
        var ws = Path.Combine(_dir, "ws");

        var first = await RunInProcess(config, ws);
        Assert.Equal(first.Plan.Steps.Select(s => s.Key), first.Ran);
        Assert.Contains("synthesize:offline", first.Ran);
        var html = File.ReadAllText(Path.Combine(ws, "reports", "run", "index.html"));
        foreach (var id in new[] { "profile", "synthesis", "curation", "review", "training", "ablation", "samples", "safety", "reproduce" })
        {
            Assert.Contains($"<section id=\"{id}\">", html);
        }

        Assert.Contains("tiny/original+offline", html);
        Assert.True(File.Exists(Path.Combine(ws, "models", "ablation-tiny-original", "model.safetensors")));

        var second = await RunInProcess(config, ws);
        Assert.Empty(second.Ran);
    }

    [Fact]
    public async Task A_run_killed_during_synthesis_and_during_training_resumes_to_the_same_figures()
    {
        var config = ReducedQuickstart.Write(Path.Combine(_dir, "in"));
        var reference = Path.Combine(_dir, "reference");
        await RunInProcess(config, reference);

        var ws = Path.Combine(_dir, "killed");
        Assert.True(await RunChildUntil(config, ws, "▶ synthesize:offline"), "the child never reached synthesis");
        Assert.True(await RunChildUntil(config, ws, "training shifa-tiny"), "the child never reached training");
        var finished = await RunInProcess(config, ws);
        Assert.Contains("ablate", finished.Ran);

        Assert.Equal(Figures(reference), Figures(ws));
    }

    // Starts `shifa run` in a child process and kills it (no cancellation, no cleanup) once it prints `marker`.
    private static async Task<bool> RunChildUntil(string config, string workspace, string marker)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "shifa.dll"), "run", "--config", config, "--workspace", workspace })
        {
            psi.ArgumentList.Add(a);
        }

        using var child = Process.Start(psi)!;
        var seen = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        while (!timeout.IsCancellationRequested && await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                seen = true;
                // Let the stage get under way before the kill.
                await Task.Delay(300);
                break;
            }
        }

        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        return seen;
    }

    [Fact]
    public async Task Review_gate_set_to_wait_pauses_after_curation_until_a_round_is_complete()
    {
        var config = ReducedQuickstart.Write(Path.Combine(_dir, "in"), rows: 80, train: false);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"name\": \"reduced quickstart\",", "\"name\": \"gated\", \"review\": { \"gate\": \"wait\" },"));
        var ws = Path.Combine(_dir, "ws");
        var paused = await Assert.ThrowsAsync<PipelinePausedException>(() => RunInProcess(config, ws));
        Assert.Contains("shifa serve", paused.Message);
        var manifests = new ManifestStore(Workspace.Open(ws));
        Assert.NotNull(manifests.Get("curate"));
        Assert.Null(manifests.Get("review-gate"));
        Assert.Null(manifests.Get("ablate"));
    }
}
