using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Core.Hashing;
using Shifa.Core.Storage;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class PipelineRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-runner-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    // A stage that appends its key to a log file, reads an input file and can be told to fail.
    private sealed class FileStage(string key, string[] dependsOn, string inputFile, Func<string> config, Action? before = null) : IPipelineStage
    {
        public string Key => key;
        public IReadOnlyList<string> DependsOn => dependsOn;
        public string Describe(PipelineContext context) => "test stage " + key;
        public string OwnInputHash(PipelineContext context) => File.Exists(inputFile) ? ContentHash.OfFile(inputFile) : "";
        public string ConfigHash(PipelineContext context) => ContentHash.Of(config());
        public decimal EstimateCostUsd(PipelineContext context) => 0.5m;

        public Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
        {
            before?.Invoke();
            File.AppendAllLines(Path.Combine(context.Workspace.Root, "ran.log"), [key]);
            return Task.FromResult("{}");
        }
    }

    private PipelineContext Context() => new(
        new PipelineConfig { Seed = new SeedConfig { Path = "x" } }, "cfg.json", Workspace.Open(Path.Combine(_dir, "ws")), _ => { });

    private string[] Ran() => File.Exists(Path.Combine(_dir, "ws", "ran.log")) ? File.ReadAllLines(Path.Combine(_dir, "ws", "ran.log")) : [];

    [Fact]
    public async Task Second_run_does_no_work_and_a_changed_input_reruns_only_downstream()
    {
        var input = Path.Combine(_dir, "input.txt");
        File.WriteAllText(input, "v1");
        var b = "b1";
        var stages = new IPipelineStage[]
        {
            new FileStage("a", [], input, () => "a"),
            new FileStage("b", ["a"], "", () => b),
            new FileStage("c", ["b"], "", () => "c"),
            new FileStage("d", [], "", () => "d"),
        };
        var runner = new PipelineRunner(stages);

        await runner.RunAsync(Context());
        Assert.Equal(["a", "b", "c", "d"], Ran());

        var second = await runner.RunAsync(Context());
        Assert.Empty(second.Ran);
        Assert.All(second.Plan.Steps, s => Assert.False(s.WillRun));

        b = "b2";
        var third = await runner.RunAsync(Context());
        Assert.Equal(["b", "c"], third.Ran);
        Assert.Equal("config changed", third.Plan.Steps[1].Reason);
        Assert.Equal("after b", third.Plan.Steps[2].Reason);

        File.WriteAllText(input, "v2");
        var fourth = runner.Plan(Context());
        Assert.Equal(["a", "b", "c"], fourth.Steps.Where(s => s.WillRun).Select(s => s.Key));
        Assert.Equal(1.5m, fourth.EstimatedCostUsd);
    }

    [Fact]
    public async Task A_stage_that_crashes_is_not_marked_done_and_reruns_next_time()
    {
        var fail = true;
        var stages = new IPipelineStage[]
        {
            new FileStage("a", [], "", () => "a"),
            new FileStage("b", ["a"], "", () => "b", () => { if (fail) throw new IOException("disk full"); }),
        };
        var runner = new PipelineRunner(stages);
        await Assert.ThrowsAsync<IOException>(() => runner.RunAsync(Context()));
        Assert.Null(new ManifestStore(Context().Workspace).Get("b"));

        fail = false;
        var again = await runner.RunAsync(Context());
        Assert.Equal(["b"], again.Ran);
    }

    [Fact]
    public void Stages_out_of_dependency_order_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new PipelineRunner([new FileStage("b", ["a"], "", () => ""), new FileStage("a", [], "", () => "")]));
        Assert.Contains("'a'", e.Message);
    }
}
