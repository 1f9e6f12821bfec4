using System.Text;

namespace Shifa.Cli.Tests.Foundation;

public sealed class FoundationCommandTests : IDisposable
{
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Bundled_sample_ingests_splits_and_exports_with_summaries_that_add_up()
    {
        var (exit, output) = _cli.Run("ingest", RepoFiles.BundledSample, "--workspace", _cli.Ws, "--source", "aramed");
        Assert.Equal(0, exit);
        Assert.Equal("ingest: rows read 400 = ingested 400 + rejected 0 + duplicates 0", CliRun.LastLine(output));

        var again = _cli.Run("ingest", RepoFiles.BundledSample, "--workspace", _cli.Ws, "--source", "aramed");
        Assert.Equal(0, again.Exit);
        Assert.Equal("ingest: rows read 400 = ingested 0 + rejected 0 + duplicates 400", CliRun.LastLine(again.Output));

        var split = _cli.Run("split", "--workspace", _cli.Ws, "--seed", "5");
        Assert.Equal(0, split.Exit);
        Assert.Matches(@"^split \(seed 5, val 0\.1, test 0\.1\): train 3\d\d / val \d+ / test \d+ real records over 35 specialties", CliRun.LastLine(split.Output));
        var test = int.Parse(System.Text.RegularExpressions.Regex.Match(split.Output, @"test (\d+) real").Groups[1].Value);

        var out1 = _cli.PathOf("test.chat.jsonl");
        var export = _cli.Run("export", "--workspace", _cli.Ws, "--format", "hf-chat", "--split", "test", "--out", out1);
        Assert.Equal(0, export.Exit);
        Assert.Equal($"export: {test} records (test) written to {out1} as hf-chat", CliRun.LastLine(export.Output));
        Assert.Equal(test, File.ReadAllLines(out1).Length);
        Assert.StartsWith("{\"messages\":[{\"role\":\"user\",\"content\":", File.ReadAllLines(out1)[0]);

        var parquet = _cli.Run("export", "--workspace", _cli.Ws, "--format", "parquet");
        Assert.Equal(0, parquet.Exit);
        Assert.True(File.Exists(Path.Combine(_cli.Ws, "exports", "all.parquet")));
    }

    [Fact]
    public void A_missing_mapped_column_fails_naming_it_and_listing_the_columns()
    {
        var csv = _cli.File("qa.csv", "q,a\nسؤال,جواب\n");
        var (exit, output) = _cli.Run("ingest", csv, "--workspace", _cli.Ws, "--map", "question=q,answer=Answer");
        Assert.NotEqual(0, exit);
        Assert.Contains("mapped column 'Answer' (answer) does not exist. Available columns: 'q', 'a'.", output);

        var ok = _cli.Run("ingest", csv, "--workspace", _cli.Ws, "--map", "question=q,answer=a");
        Assert.Equal(0, ok.Exit);
        Assert.Equal("ingest: rows read 1 = ingested 1 + rejected 0 + duplicates 0", CliRun.LastLine(ok.Output));
    }

    [Fact]
    public void Unusable_inputs_exit_non_zero_with_a_clear_message()
    {
        var txt = _cli.File("notes.txt", "hello");
        var allBad = _cli.File("bad.csv", "question,answer\n,\n ,x\n");

        var unsupported = _cli.Run("ingest", txt, "--workspace", _cli.Ws);
        var missing = _cli.Run("ingest", _cli.PathOf("nope.csv"), "--workspace", _cli.Ws);
        var rejected = _cli.Run("ingest", allBad, "--workspace", _cli.Ws);
        var badEncoding = _cli.Run("ingest", allBad, "--workspace", _cli.Ws, "--encoding", "latin-9");
        var badMap = _cli.Run("ingest", allBad, "--workspace", _cli.Ws, "--map", "question");

        Assert.Equal(1, unsupported.Exit);
        Assert.Contains("unsupported format '.txt'", unsupported.Output);
        Assert.Equal(1, missing.Exit);
        Assert.Contains("nope.csv' does not exist", missing.Output);
        Assert.Equal(1, rejected.Exit);
        Assert.Contains("rejected line 2 [question]: empty question", rejected.Output);
        Assert.Contains("rejected line 3 [question]: empty question", rejected.Output);
        Assert.Contains("ingest: rows read 2 = ingested 0 + rejected 2 + duplicates 0", rejected.Output);
        Assert.Contains("nothing usable", CliRun.LastLine(rejected.Output));
        Assert.NotEqual(0, badEncoding.Exit);
        Assert.Contains("--encoding 'latin-9' is unknown", badEncoding.Output);
        Assert.Equal(1, badMap.Exit);
        Assert.Contains("is not field=column", badMap.Output);
    }

    [Fact]
    public void Without_a_terminal_progress_is_plain_lines_every_ten_thousand_rows()
    {
        var sb = new StringBuilder("question,answer,category\n");
        for (var i = 0; i < 25_000; i++)
        {
            sb.Append("سؤال رقم ").Append(i).Append("؟,جواب ").Append(i).Append(",عام\n");
        }

        var csv = _cli.File("many.csv", sb.ToString());
        var (exit, output) = _cli.Run("ingest", csv, "--workspace", _cli.Ws);

        Assert.Equal(0, exit);
        Assert.DoesNotContain('\u001b', output);
        var progress = output.Split('\n').Where(l => l.StartsWith("ingest: ") && l.Contains("rows read (")).ToList();
        Assert.Equal(2, progress.Count);
        Assert.StartsWith("ingest: 10,000 rows read (10,000 ingested", progress[0]);
        Assert.StartsWith("ingest: 20,000 rows read", progress[1]);
        Assert.Equal("ingest: rows read 25000 = ingested 25000 + rejected 0 + duplicates 0", CliRun.LastLine(output));
    }

    [Fact]
    public void Split_and_export_refuse_an_empty_workspace_or_split_and_bad_options()
    {
        var split = _cli.Run("split", "--workspace", _cli.Ws);
        Assert.Equal(1, split.Exit);
        Assert.Contains("has no records; run 'shifa ingest", split.Output);

        var csv = _cli.File("qa.csv", "question,answer\nس,ج\n");
        Assert.Equal(0, _cli.Run("ingest", csv, "--workspace", _cli.Ws).Exit);
        var export = _cli.Run("export", "--workspace", _cli.Ws, "--format", "jsonl", "--split", "test");
        Assert.Equal(1, export.Exit);
        Assert.Contains("no records in split 'test'; run 'shifa split", export.Output);

        var frac = _cli.Run("split", "--workspace", _cli.Ws, "--test", "0.9");
        Assert.Equal(1, frac.Exit);
        Assert.Contains("--test must be between 0 and 0.5", frac.Output);

        var fmt = _cli.Run("export", "--workspace", _cli.Ws, "--format", "xml");
        Assert.NotEqual(0, fmt.Exit);
        Assert.Contains("--format 'xml' is unknown", fmt.Output);

        var noWs = _cli.Run("split");
        Assert.NotEqual(0, noWs.Exit);
        Assert.Contains("--workspace DIR is required", noWs.Output);
    }
}
