using System.Text;
using Microsoft.Data.Sqlite;
using Shifa.Core.Readers;

namespace Shifa.Cli.Tests.Foundation;

public sealed class BundledSampleTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_bundled_sample_has_no_doctor_name_columns_and_no_wrong_answer()
    {
        using var src = TableReader.Open(RepoFiles.BundledSample);
        Assert.DoesNotContain(src.Columns, c => c.Contains("doctor", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(src.Columns, c => c.Contains("wrong", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(400, src.Rows().Count());
        var sampleDir = Path.GetDirectoryName(RepoFiles.BundledSample)!;
        Assert.Contains("Copyright (c) 2022 Waadtss", File.ReadAllText(Path.Combine(sampleDir, "LICENSE-AraMed.txt")));
        var readme = File.ReadAllText(Path.Combine(sampleDir, "README.md"));
        Assert.Contains("Altibbi", readme);
        Assert.Contains("OSACT 2024", readme);
    }

    [SkippableFact]
    public void No_doctor_name_of_the_original_occurs_in_the_sample_or_a_workspace_and_exports_made_from_it()
    {
        // The original (with its doctor-name columns) lives beside development checkouts only, never in the repository.
        var original = RepoFiles.OriginalAraMed;
        Skip.If(original is null, "needs the original Sample_AraMed.csv (with its doctor-name columns) under shared/data/aramed beside the checkout");

        var names = DoctorNames(original!);
        Assert.True(names.Count > 300, $"only {names.Count} doctor names read");

        Assert.Equal(0, _cli.Run("ingest", RepoFiles.BundledSample, "--workspace", _cli.Ws).Exit);
        Assert.Equal(0, _cli.Run("split", "--workspace", _cli.Ws).Exit);
        foreach (var format in new[] { "jsonl", "csv", "hf-chat", "parquet" })
        {
            Assert.Equal(0, _cli.Run("export", "--workspace", _cli.Ws, "--format", format).Exit);
        }

        SqliteConnection.ClearAllPools();
        var haystack = new StringBuilder(File.ReadAllText(RepoFiles.BundledSample));
        foreach (var f in Directory.EnumerateFiles(_cli.Ws, "*", SearchOption.AllDirectories))
        {
            haystack.Append('\n').Append(Encoding.UTF8.GetString(File.ReadAllBytes(f)));
        }

        var text = haystack.ToString();
        Assert.Contains("ضغط الدم", text);
        Assert.DoesNotContain(names, text.Contains);
    }

    private static List<string> DoctorNames(string original)
    {
        using var src = TableReader.Open(original);
        var idx = new[] { "Name of doctor 1", "Name of doctor WA" }.Select(c => src.Columns.ToList().IndexOf(c)).ToArray();
        Assert.DoesNotContain(-1, idx);
        return src.Rows().SelectMany(r => idx.Select(i => r.Values[i]?.Trim())).OfType<string>()
            .Where(n => n.Length > 0).Distinct().ToList();
    }
}
