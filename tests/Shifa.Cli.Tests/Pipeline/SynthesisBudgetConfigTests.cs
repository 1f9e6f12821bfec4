using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Cli.Pipeline.Stages;
using Shifa.Core.Storage;
using Shifa.Synthesis.Providers;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class SynthesisBudgetConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-budget-").FullName;

    public SynthesisBudgetConfigTests() => File.WriteAllText(Path.Combine(_dir, "seed.csv"), "question,answer\nس,ج\n");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private PipelineConfig Load(string json)
    {
        var path = Path.Combine(_dir, "config.json");
        File.WriteAllText(path, json);
        return PipelineConfigLoader.Load(path, _ => "key");
    }

    [Fact]
    public void Every_synthesis_stage_gets_the_one_total_budget_and_only_its_own_provider_cap()
    {
        var config = Load("""
            { "seed": { "path": "seed.csv" },
              "synthesis": { "budgetUsd": 400, "providers": [ { "name": "openai", "count": 5, "budgetUsd": 150 }, { "name": "gemini", "count": 5 } ] } }
            """);
        var context = new PipelineContext(config, Path.Combine(_dir, "config.json"), Workspace.Open(Path.Combine(_dir, "ws")), _ => { });

        var requests = config.Synthesis.Providers
            .Select(p => new SynthesizeStage(p).Request(context, ProvidersFile.Default.Get(p.Name)))
            .ToList();

        Assert.All(requests, r => Assert.Equal(400m, r.TotalBudgetUsd));
        Assert.Equal(150m, requests[0].BudgetUsd);
        Assert.Null(requests[1].BudgetUsd);
    }

    [Fact]
    public void A_paid_provider_with_its_own_cap_needs_no_total_and_a_negative_cap_is_a_schema_error()
    {
        var config = Load("""{ "seed": { "path": "seed.csv" }, "synthesis": { "providers": [ { "name": "openai", "count": 5, "budgetUsd": 20 } ] } }""");
        Assert.Equal(20m, config.Synthesis.Providers[0].BudgetUsd);
        Assert.Null(config.Synthesis.BudgetUsd);

        var e = Assert.Throws<ConfigException>(() => Load("""{ "seed": { "path": "seed.csv" }, "synthesis": { "budgetUsd": 10, "providers": [ { "name": "openai", "count": 5, "budgetUsd": -1 } ] } }"""));
        Assert.Contains(e.Errors, x => x.Key == "/synthesis/providers/0/budgetUsd");
    }
}
