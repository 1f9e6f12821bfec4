using System.Text.Json.Nodes;
using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Cli.Tests.Foundation;
using Shifa.Core.Records;
using Shifa.Core.Splitting;
using Shifa.Core.Storage;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class SplitSeedDefaultTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private static Dictionary<string, RecordSplit> ByQuestion(string workspace) =>
        new RecordStore(Workspace.Open(workspace)).Read().ToDictionary(r => r.Question, r => r.Split, StringComparer.Ordinal);

    [Fact]
    public async Task Shifa_split_and_shifa_run_assign_the_same_splits_when_no_seed_is_given()
    {
        var config = ReducedQuickstart.Write(_cli.PathOf("in"), rows: 120, train: false);
        var text = File.ReadAllText(config);
        File.WriteAllText(config, text.Replace("\"split\": { \"seed\": 13, \"val\": 0.1, \"test\": 0.1 },", "", StringComparison.Ordinal));
        Assert.DoesNotContain("\"split\"", File.ReadAllText(config), StringComparison.Ordinal);

        // shifa run, up to its split stage.
        var loaded = PipelineConfigLoader.Load(config);
        Assert.Equal(SplitOptions.DefaultSeed, loaded.Split.Seed);
        var runWs = _cli.PathOf("run-ws");
        var stages = PipelineStages.Build(loaded).Where(s => s.Key is "ingest" or "split").ToList();
        var result = await new PipelineRunner(stages).RunAsync(new PipelineContext(loaded, config, Workspace.Open(runWs), _ => { }));
        Assert.Equal(["ingest", "split"], result.Ran);

        // shifa ingest + shifa split with their defaults.
        var seed = Path.Combine(Path.GetDirectoryName(config)!, "seed.jsonl");
        Assert.Equal(0, _cli.Run("ingest", seed, "--workspace", _cli.Ws, "--source", "aramed").Exit);
        var split = _cli.Run("split", "--workspace", _cli.Ws);
        Assert.Equal(0, split.Exit);
        Assert.StartsWith($"split (seed {SplitOptions.DefaultSeed},", CliRun.LastLine(split.Output), StringComparison.Ordinal);

        var fromRun = ByQuestion(runWs);
        var fromSplit = ByQuestion(_cli.Ws);
        Assert.Equal(120, fromRun.Count);
        Assert.Contains(fromRun.Values, s => s == RecordSplit.Test);
        Assert.Equal(fromRun.OrderBy(p => p.Key, StringComparer.Ordinal), fromSplit.OrderBy(p => p.Key, StringComparer.Ordinal));

        // Another seed moves records, so agreement above is not an accident of the data.
        var other = StratifiedSplitter.Assign(new RecordStore(Workspace.Open(_cli.Ws)).Read(), new SplitOptions { Seed = 42 });
        var records = new RecordStore(Workspace.Open(_cli.Ws)).Read().ToDictionary(r => r.Id, r => r.Question, StringComparer.Ordinal);
        Assert.Contains(other, a => fromSplit[records[a.Id]] != a.Split);
    }

    [Fact]
    public void The_schema_documents_the_same_default_split_seed()
    {
        var schema = JsonNode.Parse(PipelineConfigLoader.SchemaText())!;
        Assert.Equal(SplitOptions.DefaultSeed, schema["properties"]!["split"]!["properties"]!["seed"]!["default"]!.GetValue<int>());
    }
}
