using System.Diagnostics;
using System.Globalization;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Storage;
using Shifa.Synthesis.Tests.Fakes;
using Xunit.Abstractions;

namespace Shifa.Synthesis.Tests.Engine;

public sealed class KillResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_killed_several_times_then_resumed_ends_with_the_fault_free_record_count_and_within_budget()
    {
        await using var server = await FakeChatServer.StartAsync();
        var rng = new Random(99);
        server.Latency = () => TimeSpan.FromMilliseconds(150 + Random.Shared.Next(100));

        // Reference: the same plan run once without interruption.
        using var refDir = new TempDir();
        var reference = SeedData.Workspace(refDir.Path);
        FakeProviders.Plan(reference, "fake", records: 120, pairs: 2);
        var refSummary = await SynthesisRunner.RunAsync(reference, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5), MaxConcurrency = 4 });
        var expected = EngineAssertions.Scalar(reference, "SELECT COUNT(*) FROM records WHERE provider = 'fake'");
        Assert.Equal(120, expected);
        Assert.Equal(60, refSummary.Done);

        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        FakeProviders.Plan(store, "fake", records: 120, pairs: 2);
        const decimal budget = 5m;
        var kills = 0;
        for (var round = 0; round < 6 && kills < 4; round++)
        {
            var before = Done(store);
            using var child = StartChild(dir.Path, server.BaseUrl, budget);
            // Kill at a random moment after the child has committed something, so every kill lands mid-run.
            var progressed = await WaitUntilAsync(() => Done(store) > before || child.HasExited, TimeSpan.FromSeconds(30));
            Assert.True(progressed, "the engine process made no progress");
            await Task.Delay(rng.Next(300));
            if (child.HasExited)
            {
                output.WriteLine($"round {round}: child finished before the kill ({await child.StandardOutput.ReadToEndAsync()})");
                break;
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            kills++;
            output.WriteLine($"round {round}: killed, items done {before} -> {Done(store)} of 60");
            EngineAssertions.NoDuplicates(store);
            Assert.True(EngineAssertions.Real(store, "SELECT COALESCE(SUM(amount_usd), 0) FROM spend") <= (double)budget);
        }

        Assert.True(kills >= 3, $"only {kills} kills landed before the run finished");
        Assert.True(Done(store) < 60, "the killed runs should not have finished the plan");
        var final = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5), BudgetUsd = budget, MaxConcurrency = 4 });
        Assert.Null(final.StopReason);
        Assert.Equal(expected, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM records WHERE provider = 'fake'"));
        Assert.Equal(0, store.CountItems("fake")[ItemStatus.Pending]);
        EngineAssertions.NoDuplicates(store);
        Assert.True(EngineAssertions.Real(store, "SELECT SUM(amount_usd) FROM spend") <= (double)budget);
    }

    [Fact]
    public async Task Killed_runs_under_a_tight_budget_never_record_spend_beyond_it()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Latency = () => TimeSpan.FromMilliseconds(100);
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        FakeProviders.Plan(store, "fake", records: 120, pairs: 2);
        // Worst case per request is about 1024 output tokens × $10/M plus the prompt: ~$0.02; this allows a handful.
        const decimal budget = 0.15m;
        for (var round = 0; round < 2; round++)
        {
            var before = EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM spend");
            using var child = StartChild(dir.Path, server.BaseUrl, budget);
            // Kill while requests are in flight: right after new reservations appear.
            await WaitUntilAsync(() => EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM spend") > before || child.HasExited, TimeSpan.FromSeconds(30));
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }

            Assert.True(EngineAssertions.Real(store, "SELECT COALESCE(SUM(amount_usd), 0) FROM spend") <= (double)budget);
        }

        var final = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5), BudgetUsd = budget, MaxConcurrency = 8 });
        Assert.NotNull(final.StopReason);
        Assert.Contains("Budget", final.StopReason);
        var spent = EngineAssertions.Real(store, "SELECT SUM(amount_usd) FROM spend");
        Assert.True(spent <= (double)budget, $"spent {spent}");
        Assert.True(store.CountItems("fake")[ItemStatus.Pending] > 0);
        EngineAssertions.NoDuplicates(store);
    }

    private static long Done(SynthesisStore store) => EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_items WHERE status = 'done'");

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(15);
        }

        return false;
    }

    private static Process StartChild(string workspace, string baseUrl, decimal budget)
    {
        var dll = typeof(KillTestHost).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "exec", dll, KillTestHost.Verb, workspace, baseUrl, budget.ToString(CultureInfo.InvariantCulture), "4" })
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the engine process");
    }
}
