using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Tests.Engine;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Pipeline;

public sealed class TotalBudgetTests
{
    private static double Spent(Shifa.Synthesis.Storage.SynthesisStore store, string? provider = null) =>
        EngineAssertions.Real(store, provider is null
            ? "SELECT COALESCE(SUM(amount_usd), 0) FROM spend"
            : $"SELECT COALESCE(SUM(amount_usd), 0) FROM spend WHERE provider = '{provider}'");

    [Fact]
    public async Task A_total_budget_caps_the_sum_of_two_providers_and_stops_the_second_ones_workers()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var first = await FakeChatServer.StartAsync();
        await using var second = await FakeChatServer.StartAsync();
        FakeProviders.Plan(store, "alpha", records: 400, pairs: 2);
        FakeProviders.Plan(store, "beta", records: 400, pairs: 2);
        var alpha = FakeProviders.Fake(first.BaseUrl, name: "alpha", timeoutSeconds: 5);
        var beta = FakeProviders.Fake(second.BaseUrl, name: "beta", timeoutSeconds: 5);

        // The first provider spends what 20 items cost; the total leaves the second about as much again.
        var a = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = alpha, MaxItems = 20, MaxConcurrency = 4 });
        Assert.Equal(20, a.Done);
        var spentAlpha = Spent(store, "alpha");
        Assert.True(spentAlpha > 0);
        var total = Math.Round((decimal)spentAlpha * 2, 4);

        var b = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = beta, TotalBudgetUsd = total, MaxConcurrency = 8 });

        Assert.Contains("all providers together", b.StopReason);
        Assert.True(b.Done > 0, "the second provider may use what the first left");
        Assert.True(b.NotStarted > 0, "the second provider must stop at the total");
        Assert.True(Spent(store) <= (double)total, $"spent {Spent(store)} of a total of {total}");
        Assert.True(Spent(store, "beta") < (double)total - spentAlpha + 1e-9);
        Assert.Equal(0, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM spend WHERE state = 'reserved'"));
        Assert.Equal(b.Done, second.Requests);

        // A per-provider cap of the same figure would have let the second provider go on: the total is what stopped it.
        var perProvider = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = beta, BudgetUsd = total, MaxItems = 2, MaxConcurrency = 2 });
        Assert.Equal(2, perProvider.Done);
        Assert.Null(perProvider.StopReason);
    }

    [Fact]
    public async Task With_both_caps_the_tighter_one_stops_the_run()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        FakeProviders.Plan(store, "alpha", records: 400, pairs: 2);
        FakeProviders.Plan(store, "beta", records: 400, pairs: 2);
        await SynthesisRunner.RunAsync(store, new RunRequest { Provider = FakeProviders.Fake(server.BaseUrl, name: "alpha", timeoutSeconds: 5), MaxItems = 10, MaxConcurrency = 4 });
        var spentAlpha = (decimal)Spent(store, "alpha");

        // The provider's own cap is the tighter one here.
        var own = await SynthesisRunner.RunAsync(store, new RunRequest
        {
            Provider = FakeProviders.Fake(server.BaseUrl, name: "beta", timeoutSeconds: 5),
            BudgetUsd = 0.03m,
            TotalBudgetUsd = spentAlpha + 1m,
            MaxConcurrency = 4,
        });
        Assert.Contains("Raise --budget", own.StopReason);
        Assert.True(Spent(store, "beta") <= 0.03);
    }

    [Fact]
    public void A_reservation_past_the_total_names_the_total()
    {
        var budget = new SpendBudget(capUsd: null, alreadySpentUsd: 0.2m, totalCapUsd: 1m, alreadySpentAllProvidersUsd: 0.9m);
        var ok = budget.Reserve(0.05m, "beta", "gpt-4o");
        budget.Settle(ok, 0.04m);
        Assert.Equal(0.94m, budget.TotalSpentUsd);
        Assert.Equal(0.24m, budget.SpentUsd);

        var e = Assert.Throws<BudgetExceededException>(() => budget.Reserve(0.07m, "beta", "gpt-4o"));
        Assert.True(e.AcrossProviders);
        Assert.Equal(1m, e.CapUsd);
        Assert.Equal(0.94m, e.CommittedUsd);
    }
}
