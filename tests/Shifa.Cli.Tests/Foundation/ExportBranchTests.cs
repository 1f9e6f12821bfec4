namespace Shifa.Cli.Tests.Foundation;

/// <summary>`export` keeps exporting records by default and also routes `export gguf` / `export trainer`.</summary>
public sealed class ExportBranchTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Export_without_a_subcommand_still_writes_records()
    {
        var seed = _cli.File("seed.jsonl", "{\"question\":\"ما علاج الصداع؟\",\"answer\":\"الراحة وشرب الماء، وراجع الطبيب إذا استمر.\"}\n");
        Assert.Equal(0, _cli.Run("ingest", seed, "--workspace", _cli.Ws).Exit);
        var (exit, output) = _cli.Run("export", "--workspace", _cli.Ws, "--format", "hf-chat", "--split", "all", "--out", _cli.PathOf("out.jsonl"));
        Assert.Equal(0, exit);
        Assert.Contains("1 records", CliRun.LastLine(output));
        Assert.Contains("\"role\":\"assistant\"", File.ReadAllText(_cli.PathOf("out.jsonl")));
    }

    [Fact]
    public void Export_gguf_is_routed_to_the_gguf_exporter_and_names_a_missing_model()
    {
        var missing = _cli.PathOf("no-model");
        var (exit, output) = _cli.Run("export", "gguf", "--model", missing);
        Assert.NotEqual(0, exit);
        Assert.Contains("no-model", output);
    }
}
