using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Status;
using Shifa.Synthesis.Storage;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Engine;

public sealed class FaultInjectionTests
{
    private static readonly Fault[] Kinds =
        [Fault.RateLimited, Fault.Error500, Fault.Error503, Fault.Slow, Fault.Reset, Fault.MalformedJson, Fault.TruncatedJson, Fault.WrongSchema];

    [Fact]
    public async Task Five_hundred_items_with_30_percent_faults_all_end_done_or_failed_with_reason_and_nothing_twice()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        var rng = new Random(1234);
        server.Faults = _ => rng.NextDouble() < 0.30 ? Kinds[rng.Next(Kinds.Length)] : Fault.None;
        server.SlowDelay = TimeSpan.FromSeconds(1);
        var plan = FakeProviders.Plan(store, "fake", records: 1000, pairs: 2);
        Assert.Equal(500, plan.Items.Count);

        // Few retries so some items exhaust them and the failure path is exercised too.
        var summary = await SynthesisRunner.RunAsync(store, new RunRequest
        {
            Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 0.25, maxRetries: 2, parseAttempts: 2, concurrency: 32),
        });

        Assert.Equal(500, summary.Done + summary.Failed);
        Assert.Null(summary.StopReason);
        Assert.True(summary.Failed > 0, "with 30% faults and 2 retries some items should fail");
        var counts = store.CountItems("fake");
        Assert.Equal(0, counts[ItemStatus.Pending]);
        Assert.Equal(summary.Done, counts[ItemStatus.Done]);
        Assert.Equal(0, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_items WHERE status = 'failed' AND (error_kind IS NULL OR last_error IS NULL)"));
        // Unusable output keeps its raw text.
        Assert.Equal(0, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_responses WHERE outcome = 'invalid' AND raw IS NULL"));
        Assert.True(EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_responses WHERE error_kind = 'truncated'") > 0);
        Assert.True(EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_responses WHERE error_kind = 'malformed_json'") > 0);
        Assert.True(EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_responses WHERE error_kind = 'wrong_schema'") > 0);
        Assert.Equal(summary.Done * 2, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM records WHERE provider = 'fake'"));
        EngineAssertions.NoDuplicates(store);
        foreach (var f in Kinds)
        {
            Assert.True(server.Served.GetValueOrDefault(f) > 0, $"fault {f} was never injected");
        }

        var stats = Assert.Single(SynthesisStatus.Read(store));
        Assert.Equal(summary.Done, stats.Done);
        Assert.Equal(summary.Failed, stats.Failed);
        Assert.True(stats.ErrorKinds.ContainsKey("http_429 (retried)"));
        Assert.True(stats.ErrorKinds.ContainsKey("timeout (retried)"));
        Assert.True(stats.ErrorKinds.ContainsKey("connection (retried)"));
        Assert.NotNull(stats.LatencyP95Ms);
        Assert.True(stats.LatencyP50Ms <= stats.LatencyP95Ms);

        // A re-run finds nothing left to do and stores nothing more.
        var records = EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM records");
        var again = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl) });
        Assert.Equal(0, again.Selected);
        Assert.Equal(records, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM records"));
    }
}
