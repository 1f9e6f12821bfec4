// Config files: the curation section of a Shifa config or a bare object; bad values are named with their file.
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Tests.Pipeline;

public sealed class CurationOptionsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "shifa-curation-" + Guid.NewGuid().ToString("N") + ".json");

    [Fact]
    public void Reads_the_curation_section_of_a_pipeline_config()
    {
        File.WriteAllText(_file, """{ "seed": { "path": "x.csv" }, "curation": { "nearDuplicateJaccard": 0.8, "relevanceBand": [0.1, 0.9], "embedder": { "dimensions": 128 } } }""");
        var o = CurationOptions.Load(_file);
        Assert.Equal(0.8, o.NearDuplicateJaccard);
        Assert.Equal([0.1, 0.9], o.RelevanceBand);
        Assert.Equal(128, o.Embedder.Dimensions);
        Assert.Equal(0.95, o.SemanticDuplicateCosine);
    }

    [Fact]
    public void A_pipeline_config_without_a_curation_section_means_defaults()
    {
        File.WriteAllText(_file, """{ "seed": { "path": "x.csv" }, "models": [] }""");
        Assert.Equal(new CurationOptions().NearDuplicateJaccard, CurationOptions.Load(_file).NearDuplicateJaccard);
    }

    [Theory]
    [InlineData("""{ "nearDuplicateJacard": 0.8 }""", "nearDuplicateJacard")]
    [InlineData("""{ "relevanceBand": [0.9, 0.2] }""", "relevanceBand")]
    [InlineData("""{ "lshBands": 30 }""", "lshBands")]
    [InlineData("""{ "embedder": { "kind": "onnx" } }""", "embedder.modelPath")]
    [InlineData("""{ "scope": "everything" }""", "scope")]
    public void Bad_values_are_reported_with_file_and_field(string json, string field)
    {
        File.WriteAllText(_file, json);
        var e = Assert.Throws<InvalidDataException>(() => CurationOptions.Load(_file));
        Assert.Contains(_file, e.Message);
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void Unknown_disabled_stage_names_are_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => StageCatalog.Build(new CurationOptions { DisabledStages = ["speciality"] }));
        Assert.Contains("speciality", e.Message);
        Assert.DoesNotContain(StageCatalog.Build(new CurationOptions { DisabledStages = ["specialty"] }), s => s.Identity.Name == "specialty");
    }

    public void Dispose() => File.Delete(_file);
}
