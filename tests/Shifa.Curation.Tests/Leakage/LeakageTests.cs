// Acceptance: a synthetic record copied from a test record with light edits is always dropped, and reported as leakage.
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Curation.Leakage;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Reporting;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Curation.Tests.Leakage;

public sealed class LeakageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Light_edits_of_test_records_are_always_dropped_and_distinct_records_are_not()
    {
        using var ws = new TestWorkspace();
        var pairs = ArabicQa.Pairs;
        var records = new List<QaRecord>();
        for (var i = 0; i < pairs.Length; i++)
        {
            // Every fourth real record is held out for testing; the rest are the seed.
            records.Add(TestWorkspace.Real($"real-{i:00}", pairs[i].Question, pairs[i].Answer, pairs[i].Specialty, i % 4 == 0 ? RecordSplit.Test : RecordSplit.Train));
        }

        var leaks = new List<string>();
        for (var i = 0; i < pairs.Length; i += 4)
        {
            // Three kinds of light edit per test record: reworded tail, orthographic variant, and both.
            records.Add(TestWorkspace.Synthetic($"leak-edit-{i:00}", Variants.LightEdit(pairs[i].Question, i), Variants.LightEdit(pairs[i].Answer, i + 1), pairs[i].Specialty, "openai", i));
            records.Add(TestWorkspace.Synthetic($"leak-ortho-{i:00}", Variants.Orthographic(pairs[i].Question, i), Variants.Orthographic(pairs[i].Answer, i + 7), pairs[i].Specialty, "openai", i));
            records.Add(TestWorkspace.Synthetic($"leak-both-{i:00}", Variants.Orthographic(Variants.LightEdit(pairs[i].Question, i + 3), i), Variants.LightEdit(Variants.Orthographic(pairs[i].Answer, i), i + 5), pairs[i].Specialty, "gemini", i));
            leaks.AddRange([$"leak-edit-{i:00}", $"leak-ortho-{i:00}", $"leak-both-{i:00}"]);
        }

        // Synthetic records built from seed (train) records only must not be taken for leaks.
        var clean = new List<string>();
        foreach (var p in Paraphrases.Pairs.Where(p => p.Of % 4 != 0))
        {
            records.Add(TestWorkspace.Synthetic($"clean-{p.Of:00}", p.Question, p.Answer, pairs[p.Of].Specialty, "gemini", 50 + p.Of));
            clean.Add($"clean-{p.Of:00}");
        }

        new RecordStore(ws.Workspace).Insert(records);
        var result = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions(), [new LeakageFilter(new CurationOptions())]);

        using (var c = ws.Workspace.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT record_id, reason, score FROM decisions WHERE stage = 'leakage' ORDER BY record_id";
            using var rd = cmd.ExecuteReader();
            while (rd.Read())
            {
                output.WriteLine($"{rd.GetString(0)}: {rd.GetString(1)} {(rd.IsDBNull(2) ? "" : rd.GetDouble(2).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))}");
            }
        }

        Assert.All(leaks, id => Assert.DoesNotContain(id, result.KeptIds));
        Assert.All(clean, id => Assert.Contains(id, result.KeptIds));
        var report = CurationReport.Build(ws.Workspace, result.RunId);
        Assert.Equal(leaks.Count, report.Leakage.Values.Sum());
        Assert.All(report.Examples.Where(e => e.Stage == "leakage"), e => Assert.StartsWith("real-", e.MatchedId));
    }

    [Fact]
    public async Task Without_a_test_split_the_stage_keeps_records_and_says_why()
    {
        using var ws = new TestWorkspace();
        var p = ArabicQa.Pairs[0];
        new RecordStore(ws.Workspace).Insert([TestWorkspace.Real("r", p.Question, p.Answer), TestWorkspace.Synthetic("s", p.Question, p.Answer)]);
        await CurationRunner.RunAsync(ws.Workspace, new CurationOptions(), [new LeakageFilter(new CurationOptions())]);
        using var c = ws.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT keep, reason FROM decisions WHERE record_id = 's' AND stage = 'leakage'";
        using var rd = cmd.ExecuteReader();
        Assert.True(rd.Read());
        Assert.Equal(1, rd.GetInt64(0));
        Assert.Equal("no-test-split", rd.GetString(1));
    }
}
