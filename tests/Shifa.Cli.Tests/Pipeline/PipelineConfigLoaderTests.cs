using Shifa.Cli.Pipeline.Config;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class PipelineConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-config-").FullName;

    public PipelineConfigLoaderTests() => File.WriteAllText(Path.Combine(_dir, "seed.csv"), "question,answer\nس,ج\n");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var p = Path.Combine(_dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    private static ConfigException Fails(string path, Func<string, string?>? env = null) =>
        Assert.Throws<ConfigException>(() => PipelineConfigLoader.Load(path, env ?? (_ => null)));

    [Fact]
    public void Valid_config_resolves_paths_against_its_folder()
    {
        var c = PipelineConfigLoader.Load(Write("ok.json", """
            { "seed": { "path": "seed.csv", "map": { "question": "question" } },
              "synthesis": { "providers": [ { "name": "offline", "count": 10 } ] },
              "conditions": [ "original", "original+offline" ],
              "models": [ { "name": "tiny", "base": "shifa-tiny", "epochs": 1 } ] }
            """), _ => null);
        Assert.Equal(Path.Combine(_dir, "seed.csv"), c.Seed.Path);
        Assert.Equal(10, c.Synthesis.Providers[0].Count);
        Assert.Equal(["original", "original+offline"], c.Conditions);
    }

    [Fact]
    public void Model_precision_defaults_to_auto_and_is_checked_by_the_schema()
    {
        var c = PipelineConfigLoader.Load(Write("ok.json", """
            { "seed": { "path": "seed.csv" },
              "models": [ { "name": "a", "base": "shifa-tiny" }, { "name": "b", "base": "shifa-tiny", "precision": "fp32" } ] }
            """), _ => null);
        Assert.Equal(["auto", "fp32"], c.Models.Select(m => m.Precision));

        var e = Fails(Write("bad.json", """{ "seed": { "path": "seed.csv" }, "models": [ { "name": "a", "base": "shifa-tiny", "precision": "fp16" } ] }"""));
        Assert.Contains(e.Errors, x => x.Key == "/models/0/precision");
    }

    [Fact]
    public void Unknown_key_is_named_with_a_suggestion()
    {
        var e = Fails(Write("bad.json", """{ "seed": { "path": "seed.csv" }, "curation": { "nearDuplicateJacard": 0.7 } }"""));
        var err = Assert.Single(e.Errors, x => x.Key == "/curation/nearDuplicateJacard");
        Assert.True(e.Errors.Count == 1, string.Join("\n", e.Errors));
        Assert.Contains("nearDuplicateJaccard", err.Fix);
    }

    [Fact]
    public void Wrong_type_names_the_key()
    {
        var e = Fails(Write("bad.json", """{ "seed": { "path": "seed.csv" }, "synthesis": { "providers": [ { "name": "offline", "count": "many" } ] } }"""));
        Assert.Contains(e.Errors, x => x.Key == "/synthesis/providers/0/count");
    }

    [Fact]
    public void Missing_seed_file_is_reported_before_any_work()
    {
        var e = Fails(Write("bad.json", """{ "seed": { "path": "nowhere.csv" } }"""));
        var err = Assert.Single(e.Errors);
        Assert.Equal("/seed/path", err.Key);
        Assert.Contains("nowhere.csv", err.Message);
    }

    [Fact]
    public void Provider_without_key_names_the_variable_and_succeeds_once_it_is_set()
    {
        var path = Write("bad.json", """{ "seed": { "path": "seed.csv" }, "synthesis": { "budgetUsd": 5, "providers": [ { "name": "gemini", "count": 5 } ] } }""");
        var e = Fails(path);
        var err = Assert.Single(e.Errors);
        Assert.Equal("/synthesis/providers/0/name", err.Key);
        Assert.Contains("GEMINI_API_KEY", err.Message);
        var ok = PipelineConfigLoader.Load(path, v => v == "GEMINI_API_KEY" ? "k" : null);
        Assert.Equal("gemini", ok.Synthesis.Providers[0].Name);
    }

    [Fact]
    public void Condition_mixing_an_absent_provider_is_rejected()
    {
        var e = Fails(Write("bad.json", """{ "seed": { "path": "seed.csv" }, "conditions": [ "original+gpt4o" ] }"""));
        Assert.Equal("/conditions/0", Assert.Single(e.Errors).Key);
    }

    [Fact]
    public void Yaml_configs_are_validated_the_same_way()
    {
        var ok = PipelineConfigLoader.Load(Write("ok.yaml", "seed:\n  path: seed.csv\nsplit:\n  seed: 3\n  test: 0.2\n"), _ => null);
        Assert.Equal(3, ok.Split.Seed);
        Assert.Equal(0.2, ok.Split.Test);
        var e = Fails(Write("bad.yaml", "seed:\n  path: seed.csv\nsplit:\n  test: lots\n"));
        Assert.Contains(e.Errors, x => x.Key == "/split/test");
    }

    [Fact]
    public void Model_base_must_be_a_preset_or_a_model_folder()
    {
        var e = Fails(Write("bad.json", """{ "seed": { "path": "seed.csv" }, "models": [ { "name": "m", "base": "no-such-model" } ] }"""));
        Assert.Equal("/models/0/base", Assert.Single(e.Errors).Key);
    }

    [Fact]
    public void Paid_provider_without_a_budget_is_refused()
    {
        var e = Fails(Write("bad.json", """{ "seed": { "path": "seed.csv" }, "synthesis": { "providers": [ { "name": "openai", "count": 5 } ] } }"""), _ => "key");
        Assert.Equal("/synthesis/budgetUsd", Assert.Single(e.Errors).Key);
    }

    [Fact]
    public void Dry_run_turns_missing_keys_and_model_folders_into_warnings_but_not_schema_errors()
    {
        var path = Write("plan.json", """
            { "seed": { "path": "seed.csv" }, "synthesis": { "budgetUsd": 50, "providers": [ { "name": "openai", "count": 5 } ] },
              "conditions": [ "original", "original+openai" ], "models": [ { "name": "mistral", "base": "models/mistral-7b" } ] }
            """);
        var warnings = new List<ConfigError>();
        var c = PipelineConfigLoader.Load(path, _ => null, warnings);
        Assert.Equal(["/synthesis/providers/0/name", "/models/0/base"], warnings.Select(w => w.Key));
        Assert.Equal(Path.Combine(_dir, "models", "mistral-7b"), c.Models[0].Base);
        Assert.Throws<ConfigException>(() => PipelineConfigLoader.Load(path, _ => null));
        var typo = Write("typo.json", """{ "seed": { "path": "seed.csv" }, "modles": [] }""");
        Assert.Throws<ConfigException>(() => PipelineConfigLoader.Load(typo, _ => null, new List<ConfigError>()));
    }
}
