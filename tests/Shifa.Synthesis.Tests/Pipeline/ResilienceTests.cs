using System.Diagnostics;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Tests.Engine;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Pipeline;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Retry_After_in_seconds_is_honoured()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.RateLimitHeaders = new() { ["Retry-After"] = "1" };
        server.Faults = n => n == 1 ? Fault.RateLimited : Fault.None;
        FakeProviders.Plan(store, "fake", records: 2, pairs: 2);

        var sw = Stopwatch.StartNew();
        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5) });

        // Backoff alone would wait ~10 ms; the server asked for a second.
        Assert.True(sw.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {sw.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(1, summary.Done);
        Assert.Equal(2, server.Requests);
        Assert.Equal(1, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_responses WHERE retried = 'http_429'"));
    }

    [Fact]
    public async Task Concurrent_requests_never_take_spend_past_the_budget()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.Latency = () => TimeSpan.FromMilliseconds(30);
        FakeProviders.Plan(store, "fake", records: 400, pairs: 2);
        const decimal budget = 0.25m;

        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5), BudgetUsd = budget, MaxConcurrency = 32 });

        Assert.Contains("Budget", summary.StopReason);
        Assert.True(summary.Done > 0);
        Assert.True(summary.NotStarted > 0);
        var spent = EngineAssertions.Real(store, "SELECT SUM(amount_usd) FROM spend");
        Assert.True(spent <= (double)budget, $"spent {spent}");
        Assert.Equal(0, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM spend WHERE state = 'reserved'"));
        Assert.Equal(summary.Done, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM spend"));
        // Resuming counts what earlier runs spent: it may use the headroom that settled reservations freed
        // (actual cost is below the worst case), then stops at the same cap.
        var again = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5), BudgetUsd = budget, MaxConcurrency = 32 });
        Assert.Contains("Budget", again.StopReason);
        Assert.True(again.NotStarted > 0);
        Assert.True(EngineAssertions.Real(store, "SELECT SUM(amount_usd) FROM spend") <= (double)budget);
    }

    [Fact]
    public async Task Rejected_key_with_two_workers_stops_after_the_two_requests_in_flight()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.Faults = _ => Fault.Unauthorized;
        // The first request is answered only once the second worker's request has arrived: both are in flight.
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Hold = n =>
        {
            if (n == 2)
            {
                second.TrySetResult();
            }

            return n == 1 ? second.Task.WaitAsync(TimeSpan.FromSeconds(10)) : Task.CompletedTask;
        };
        FakeProviders.Plan(store, "fake", records: 40, pairs: 2);

        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl), MaxConcurrency = 2 });

        Assert.Contains("http_401", summary.StopReason);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(20, store.CountItems("fake")[ItemStatus.Pending]);
        Assert.Equal(2, server.Requests);
        // Refused requests cost nothing.
        Assert.Equal(0, EngineAssertions.Real(store, "SELECT COALESCE(SUM(amount_usd), 0) FROM spend"));
    }

    [Fact]
    public async Task A_worker_waiting_for_a_rate_limit_permit_sends_nothing_after_a_rejected_key()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.Faults = _ => Fault.Unauthorized;
        FakeProviders.Plan(store, "fake", records: 40, pairs: 2);
        // One request per second: the second worker waits about a second for its permit, long after the 401.
        var provider = FakeProviders.Fake(server.BaseUrl) with { RequestsPerMinute = 60 };

        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = provider, MaxConcurrency = 2 });

        Assert.Contains("http_401", summary.StopReason);
        Assert.Equal(20, store.CountItems("fake")[ItemStatus.Pending]);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_retry_waiting_out_a_429_is_not_sent_after_another_worker_gets_a_401()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.RateLimitHeaders = new() { ["retry-after-ms"] = "400" };
        server.Faults = n => n == 1 ? Fault.RateLimited : Fault.Unauthorized;
        FakeProviders.Plan(store, "fake", records: 40, pairs: 2);

        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5), MaxConcurrency = 2 });

        Assert.Contains("http_401", summary.StopReason);
        Assert.Equal(0, summary.Failed);
        Assert.Equal(20, store.CountItems("fake")[ItemStatus.Pending]);
        // The 429 and the 401; the retry that the 429 scheduled never goes out.
        Assert.Equal(2, server.Requests);
        Assert.Equal(1, server.Served[Fault.RateLimited]);
        Assert.Equal(1, server.Served[Fault.Unauthorized]);
    }

    [Fact]
    public async Task Request_rate_limit_spaces_requests()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        FakeProviders.Plan(store, "fake", records: 60, pairs: 2);
        var provider = FakeProviders.Fake(server.BaseUrl, timeoutSeconds: 5) with { RequestsPerMinute = 1200 };

        var sw = Stopwatch.StartNew();
        var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = provider, MaxConcurrency = 16 });

        // 30 requests at 20/s with a one-second burst of 20: the last 10 wait about 0.5 s.
        Assert.Equal(30, summary.Done);
        Assert.True(sw.Elapsed >= TimeSpan.FromSeconds(0.4), $"{sw.Elapsed.TotalMilliseconds:0} ms");
    }
}
