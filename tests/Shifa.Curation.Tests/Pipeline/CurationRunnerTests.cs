// The chain as a whole: stored decisions, reasons, no-op re-runs, targeted re-decisions, report = database.
using Shifa.Curation.Pipeline;
using Shifa.Curation.Reporting;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Curation.Tests.Pipeline;

public sealed class CurationRunnerTests
{
    private static long Scalar(TestWorkspace ws, string sql)
    {
        using var c = ws.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private static Dictionary<string, string> FirstDropStage(TestWorkspace ws, IReadOnlyList<string> order)
    {
        using var c = ws.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT record_id, stage FROM decisions WHERE keep = 0";
        using var rd = cmd.ExecuteReader();
        var first = new Dictionary<string, string>();
        while (rd.Read())
        {
            var (id, stage) = (rd.GetString(0), rd.GetString(1));
            if (!first.TryGetValue(id, out var s) || order.ToList().IndexOf(stage) < order.ToList().IndexOf(s))
            {
                first[id] = stage;
            }
        }

        return first;
    }

    [Fact]
    public async Task Each_bad_record_is_dropped_first_by_its_stage_and_good_records_are_kept()
    {
        using var ws = new TestWorkspace();
        MixedWorkspace.Fill(ws.Workspace);
        var result = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions());
        var first = FirstDropStage(ws, StageCatalog.Names);
        foreach (var b in MixedWorkspace.Bad)
        {
            Assert.True(first.TryGetValue(b.Id, out var stage), $"{b.Id} was kept");
            Assert.Equal(b.Stage, stage);
        }

        Assert.Equal("exact-dup", first["copy-seed"]);
        Assert.Equal("leakage", first["copy-test"]);
        Assert.Equal("exact-dup", first["copy-synthetic"]);
        Assert.All(Paraphrases.Pairs.Where(p => p.Of % 6 != 5), p => Assert.Contains($"good-{p.Of:00}", result.KeptIds));
        Assert.Equal(0, Scalar(ws, "SELECT COUNT(*) FROM decisions WHERE trim(reason) = ''"));
        Assert.Equal(0, Scalar(ws, "SELECT COUNT(*) FROM records r WHERE r.kind <> 0 AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.record_id = r.id)"));
    }

    [Fact]
    public async Task Rerun_with_the_same_config_decides_nothing_and_keeps_the_same_records()
    {
        using var ws = new TestWorkspace();
        MixedWorkspace.Fill(ws.Workspace);
        var first = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions());
        var rows = Scalar(ws, "SELECT COUNT(*) FROM decisions");
        var stamp = Scalar(ws, "SELECT COUNT(DISTINCT decided_at) FROM decisions");
        var second = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions());
        Assert.True(first.Decided > 0);
        Assert.Equal(0, second.Decided);
        Assert.Equal(first.KeptIds, second.KeptIds);
        Assert.Equal(rows, Scalar(ws, "SELECT COUNT(*) FROM decisions"));
        Assert.Equal(stamp, Scalar(ws, "SELECT COUNT(DISTINCT decided_at) FROM decisions"));
    }

    [Fact]
    public async Task Changing_one_threshold_redecides_only_the_stages_it_affects()
    {
        using var ws = new TestWorkspace();
        MixedWorkspace.Fill(ws.Workspace);
        await CurationRunner.RunAsync(ws.Workspace, new CurationOptions());

        // A near-duplicate threshold change touches near-dup only; semantic-dup re-runs only if near-dup's survivors changed.
        var near = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions { NearDuplicateJaccard = 0.75 });
        var decided = near.Stages.Where(s => s.Decided > 0).Select(s => s.Stage).ToList();
        Assert.Equal(["near-dup"], decided);

        // A length bound change re-decides the schema stage for every target, and the whole-set stages only because survivors changed.
        var schema = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions { NearDuplicateJaccard = 0.75, MinAnswerChars = 200 });
        Assert.Equal(schema.Targets, schema.Stages.Single(s => s.Stage == "schema").Decided);
        Assert.All(schema.Stages.Where(s => s.Stage is not ("schema" or "exact-dup" or "near-dup" or "semantic-dup")), s => Assert.Equal(0, s.Decided));
        Assert.True(schema.Kept < near.Kept);

        // Going back restores the first result without re-deciding the per-record stages.
        var back = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions { NearDuplicateJaccard = 0.75 });
        Assert.Equal(near.KeptIds, back.KeptIds);
    }

    [Fact]
    public async Task Report_counts_equal_database_counts()
    {
        using var ws = new TestWorkspace();
        MixedWorkspace.Fill(ws.Workspace);
        var result = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions());
        var report = CurationReport.Build(ws.Workspace, result.RunId);
        var md = CurationReportWriter.Write(report, ws.Workspace.ArtifactPath("curate"));

        Assert.Equal(Scalar(ws, "SELECT COUNT(*) FROM records WHERE kind <> 0"), report.Targets);
        Assert.Equal(result.Kept, report.Kept);
        Assert.Equal(Scalar(ws, "SELECT COUNT(DISTINCT d.record_id) FROM decisions d JOIN records r ON r.id = d.record_id WHERE r.kind <> 0 AND d.keep = 0"), report.Dropped);
        foreach (var s in report.Stages)
        {
            Assert.Equal(Scalar(ws, $"SELECT COUNT(*) FROM decisions d JOIN records r ON r.id = d.record_id WHERE r.kind <> 0 AND d.stage = '{s.Stage}' AND d.keep = 0"), s.Dropped);
            Assert.Equal(Scalar(ws, $"SELECT COUNT(*) FROM decisions d JOIN records r ON r.id = d.record_id WHERE r.kind <> 0 AND d.stage = '{s.Stage}' AND d.keep = 1"), s.Kept);
            foreach (var (reason, n) in s.Reasons)
            {
                Assert.Equal(Scalar(ws, $"SELECT COUNT(*) FROM decisions d JOIN records r ON r.id = d.record_id WHERE r.kind <> 0 AND d.stage = '{s.Stage}' AND d.reason = '{reason}'"), n);
            }
        }

        Assert.Equal(report.Dropped, report.Stages.Sum(s => s.FirstDrops));
        Assert.Equal(report.Targets, report.Providers.Sum(p => p.Targets));
        Assert.Equal(report.Kept, report.Providers.Sum(p => p.Kept));
        Assert.Equal(Scalar(ws, "SELECT COUNT(*) FROM records WHERE kind <> 0 AND provider = 'offline'"), report.Providers.Single(p => p.Provider == "offline").Targets);
        Assert.All(report.Stages.Where(s => s.Dropped > 0).SelectMany(s => s.Reasons.Keys.Select(r => (s.Stage, r))),
            sr => Assert.Contains(report.Examples, e => e.Stage == sr.Stage && e.Reason == sr.r));
        Assert.DoesNotContain(report.Examples, e => e.Answer.Contains("0501234567", StringComparison.Ordinal));
        var text = File.ReadAllText(md);
        Assert.Contains($"kept: **{report.Kept}**", text);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(md)!, "report.json")));
        Assert.True(new FileInfo(Path.Combine(Path.GetDirectoryName(md)!, "histograms", "relevance.png")).Length > 1000);
    }
}
