using Shifa.Cli.Commands;
using Shifa.Cli.Commands.Curation;
using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Cli.Pipeline.Stages;
using Shifa.Cli.Tests.Foundation;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;

namespace Shifa.Cli.Tests.Curation;

public sealed class CurationConfigReaderTests : IDisposable
{
    private readonly CliRun _cli = new();

    public CurationConfigReaderTests() => _cli.File("seed.csv", "question,answer\nما علاج الصداع؟,الراحة وشرب الماء\n");

    public void Dispose() => _cli.Dispose();

    private string PipelineConfig(string embedder) => _cli.File("pipeline.json", $$"""
        {
          "seed": { "path": "seed.csv" },
          "curation": { "nearDuplicateJaccard": 0.8, "embedder": {{embedder}} }
        }
        """);

    public static TheoryData<string, string, string?, string?> Forms => new()
    {
        { "\"builtin\"", "hashed", null, null },
        { "\"openai:text-embedding-3-small\"", "openai", "text-embedding-3-small", null },
        { "\"models/e5-onnx\"", "onnx", null, "models/e5-onnx" },
        { "{ \"kind\": \"onnx\", \"modelPath\": \"models/e5-onnx\", \"maxTokens\": 128 }", "onnx", null, "models/e5-onnx" },
        { "{ \"kind\": \"hashed\", \"dimensions\": 512 }", "hashed", null, null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Shifa_curate_and_shifa_run_read_every_embedder_form_the_same_way(string embedder, string kind, string? model, string? folder)
    {
        var path = PipelineConfig(embedder);

        var fromCurate = CurationConfigReader.Load(path);
        var warnings = new List<ConfigError>();
        var config = PipelineConfigLoader.Load(path, _ => "sk-test", warnings);
        var fromRun = CurateStage.Options(new PipelineContext(config, path, Workspace.Open(_cli.Ws), _ => { }));

        Assert.Equal(kind, fromCurate.Embedder.Kind);
        Assert.Equal(model, fromCurate.Embedder.Model);
        Assert.Equal(folder is null ? null : Path.GetFullPath(Path.Combine(_cli.Root, folder)), fromCurate.Embedder.ModelPath);
        Assert.Equal(0.8, fromCurate.NearDuplicateJaccard);
        Assert.Equal(fromCurate.Embedder, fromRun.Embedder);
        Assert.Equal(fromCurate.NearDuplicateJaccard, fromRun.NearDuplicateJaccard);
        // The ONNX folder does not exist here: a real run is warned, the dry run plans anyway.
        Assert.Equal(kind == "onnx", warnings.Any(w => w.Key == "/curation/embedder"));
    }

    [Fact]
    public void Shifa_curate_runs_with_a_pipeline_config_that_uses_the_string_embedder()
    {
        Assert.Equal(0, _cli.Run("ingest", _cli.PathOf("seed.csv"), "--workspace", _cli.Ws).Exit);
        var config = PipelineConfig("\"builtin\"");

        var (exit, _) = _cli.RunWith(c => c.AddCurationCommands(), "curate", "--workspace", _cli.Ws, "--config", config);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_cli.Ws, "curate", "report.md")));
    }

    [Fact]
    public void A_wrong_embedder_is_an_error_naming_the_file_and_the_field_for_both_commands()
    {
        var path = PipelineConfig("42");

        var curate = Assert.Throws<InvalidDataException>(() => CurationConfigReader.Load(path));
        Assert.Contains(path, curate.Message, StringComparison.Ordinal);
        Assert.Contains("'embedder' must be a string", curate.Message, StringComparison.Ordinal);

        var run = Assert.Throws<ConfigException>(() => PipelineConfigLoader.Load(path, _ => null));
        Assert.Contains(run.Errors, e => e.Key == "/curation/embedder");

        var unknown = _cli.File("curation.json", """{ "embedder": { "kind": "onnx", "modelPath": "m", "modelFolder": "x" } }""");
        var e = Assert.Throws<InvalidDataException>(() => CurationConfigReader.Load(unknown));
        Assert.Contains("modelFolder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_curation_file_keeps_working_and_a_pipeline_config_without_curation_means_defaults()
    {
        var plain = _cli.File("curation.json", """{ "scope": "all", "disabledStages": ["pii"], "embedder": { "kind": "hashed", "dimensions": 128 } }""");
        var o = CurationConfigReader.Load(plain);
        Assert.Equal("all", o.Scope);
        Assert.Equal(["pii"], o.DisabledStages);
        Assert.Equal(128, o.Embedder.Dimensions);

        var noSection = _cli.File("bare.json", """{ "seed": { "path": "seed.csv" } }""");
        Assert.Equal(new CurationOptions().NearDuplicateJaccard, CurationConfigReader.Load(noSection).NearDuplicateJaccard);

        var yaml = _cli.File("pipeline.yaml", "seed:\n  path: seed.csv\ncuration:\n  embedder: openai:text-embedding-3-large\n");
        Assert.Equal("text-embedding-3-large", CurationConfigReader.Load(yaml).Embedder.Model);
    }
}
