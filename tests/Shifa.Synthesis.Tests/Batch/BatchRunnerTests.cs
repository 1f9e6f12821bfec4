using Shifa.Synthesis.Batch;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Tests.Engine;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Batch;

public sealed class BatchRunnerTests
{
    private static ProviderSettings OpenAi(string baseUrl) =>
        new() { Name = "openai", Kind = ProviderKind.OpenAI, ApiKeyEnv = "OPENAI_API_KEY", BaseUrl = new Uri(baseUrl + "/v1/"), MaxOutputTokens = 1024 };

    private static BatchRunner Runner(Shifa.Synthesis.Storage.SynthesisStore store, string baseUrl, bool wait, decimal? budget = null) =>
        new(store, OpenAi(baseUrl), PriceTable.Default(), new BatchOptions { Wait = wait, PollInterval = TimeSpan.FromMilliseconds(10), BudgetUsd = budget }, _ => "sk-test");

    [Fact]
    public async Task Batch_is_built_uploaded_polled_downloaded_and_ingested_across_a_restart()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        server.Batch.PollsToComplete = 3;
        server.Batch.LineFaults = n => n == 4 ? Fault.Error500 : n == 7 ? Fault.WrongSchema : Fault.None;
        FakeProviders.Plan(store, "openai", records: 40, pairs: 2);

        // First process: builds, uploads, creates, checks once and leaves.
        var first = await Runner(store, server.BaseUrl, wait: false).RunAsync();
        Assert.Equal("in_progress", first.Status);
        Assert.Equal(0, first.Done);
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "synth", "batches"), "*.jsonl"));

        // A new process resumes the same batch rather than sending a second one.
        var second = await Runner(store, server.BaseUrl, wait: true).RunAsync();
        Assert.Equal("ingested", second.Status);
        Assert.Equal(1, server.Batch.Uploads);
        Assert.Equal(1, server.Batch.Creates);
        Assert.Equal(18, second.Done);
        Assert.Equal(2, second.Failed);
        Assert.Equal(36, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM records WHERE provider = 'openai'"));
        Assert.Equal(1, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_items WHERE error_kind = 'http_500' AND last_error IS NOT NULL"));
        Assert.Equal(1, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM synth_items WHERE error_kind = 'wrong_schema'"));
        // 19 answered lines × (1000 × $2.50 + 200 × $10) / 1M × 0.5 batch discount.
        Assert.Equal(19 * 0.00225m, second.CostUsd);
        Assert.Equal((double)(19 * 0.00225m), EngineAssertions.Real(store, "SELECT amount_usd FROM spend WHERE id LIKE 'batch:%'"), 9);
        EngineAssertions.NoDuplicates(store);

        // Nothing pending: a third run has nothing to do and stores nothing.
        var third = await Runner(store, server.BaseUrl, wait: true).RunAsync();
        Assert.Equal("nothing to do", third.Status);
        Assert.Equal(1, server.Batch.Creates);
    }

    [Fact]
    public async Task Batch_whose_worst_case_exceeds_the_budget_is_not_sent()
    {
        using var dir = new TempDir();
        var store = SeedData.Workspace(dir.Path);
        await using var server = await FakeChatServer.StartAsync();
        FakeProviders.Plan(store, "openai", records: 40, pairs: 2);
        await Assert.ThrowsAsync<BudgetExceededException>(() => Runner(store, server.BaseUrl, wait: true, budget: 0.01m).RunAsync());
        Assert.Equal(0, server.Batch.Uploads);
        Assert.Equal(0, EngineAssertions.Scalar(store, "SELECT COUNT(*) FROM spend"));
    }
}
