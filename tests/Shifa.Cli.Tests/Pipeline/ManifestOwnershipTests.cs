using System.Text.Json;
using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Core.Profiling;
using Shifa.Core.Storage;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class ManifestOwnershipTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-manifest-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task The_profile_manifest_row_holds_the_runner_hashes_and_everything_the_profile_run_reports()
    {
        var config = ReducedQuickstart.Write(Path.Combine(_dir, "in"), rows: 60, train: false);
        var c = PipelineConfigLoader.Load(config);
        var ws = Workspace.Open(Path.Combine(_dir, "ws"));
        var context = new PipelineContext(c, config, ws, _ => { });
        var runner = new PipelineRunner(PipelineStages.Build(c).Where(s => s.Key is "ingest" or "profile").ToList());

        var result = await runner.RunAsync(context);

        var step = result.Plan.Steps.Single(s => s.Key == "profile");
        var m = new ManifestStore(ws).Get("profile");
        Assert.NotNull(m);
        // The runner's identity of the stage, which the next plan compares against ...
        Assert.Equal(step.InputHash, m.InputHash);
        Assert.Equal(ProfileRun.ConfigHash, m.ConfigHash);
        Assert.Equal(PipelineRunner.CodeVersion, m.CodeVersion);
        // ... and what the profile run itself used to record: the records hash and every artifact path.
        using var outputs = JsonDocument.Parse(m.Outputs);
        var o = outputs.RootElement;
        Assert.Equal(60, o.GetProperty("records").GetInt32());
        Assert.True(o.GetProperty("specialties").GetInt32() > 1);
        Assert.Equal(ProfileRun.InputHash(new RecordStore(ws).Read()), o.GetProperty("recordsHash").GetString());
        Assert.Equal("profile/profile.json", o.GetProperty("json").GetString());
        Assert.Equal("profile/profile.md", o.GetProperty("markdown").GetString());
        var charts = o.GetProperty("charts").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(ProfileCharts.FileNames.Count, charts.Count);
        Assert.All(charts, p => Assert.True(File.Exists(Path.Combine(ws.Root, p)), p));

        // Nothing else rewrote the row: the next plan finds the stage up to date.
        Assert.Empty((await runner.RunAsync(context)).Ran);
    }

    [Fact]
    public void Only_the_manifest_store_writes_manifest_rows()
    {
        var src = Path.Combine(ReducedQuickstart.RepoRoot(), "src");
        var writers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("INTO manifests", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .ToList();
        Assert.Equal(["Shifa.Core/Storage/ManifestStore.cs"], writers);
        var puts = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("ManifestStore(", StringComparison.Ordinal) && File.ReadAllText(f).Contains(".Put(", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .ToList();
        Assert.Equal(["PipelineRunner.cs"], puts);
    }
}
