// Acceptance: a set with known exact, orthographic-variant and paraphrase duplicates; precision/recall per dedup stage.
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Curation.Dedup;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Tests.Fixtures;
using Xunit.Abstractions;

namespace Shifa.Curation.Tests.Dedup;

public sealed class PlantedDuplicateTests(ITestOutputHelper output)
{
    private static List<QaRecord> PlantedSet()
    {
        var list = new List<QaRecord>();
        var pairs = ArabicQa.Pairs;
        for (var i = 0; i < pairs.Length; i++)
        {
            list.Add(TestWorkspace.Synthetic($"orig-{i:00}", pairs[i].Question, pairs[i].Answer, pairs[i].Specialty, "openai", order: i));
        }

        for (var i = 0; i < pairs.Length; i += 3)
        {
            list.Add(TestWorkspace.Synthetic($"exact-{i:00}", pairs[i].Question, pairs[i].Answer, pairs[i].Specialty, "gemini", order: 100 + i));
        }

        for (var i = 1; i < pairs.Length; i++)
        {
            list.Add(TestWorkspace.Synthetic($"ortho-{i:00}", Variants.Orthographic(pairs[i].Question, i), Variants.Orthographic(pairs[i].Answer, 1000 + i), pairs[i].Specialty, "gemini", order: 200 + i));
        }

        foreach (var p in Paraphrases.Pairs)
        {
            list.Add(TestWorkspace.Synthetic($"para-{p.Of:00}", p.Question, p.Answer, pairs[p.Of].Specialty, "gemini", order: 300 + p.Of));
        }

        return list;
    }

    private static async Task<Dictionary<string, bool>> RunAlone(IRecordFilter stage)
    {
        using var ws = new TestWorkspace();
        new RecordStore(ws.Workspace).Insert(PlantedSet());
        var result = await CurationRunner.RunAsync(ws.Workspace, new CurationOptions(), [stage]);
        return PlantedSet().ToDictionary(r => r.Id, r => result.KeptIds.Contains(r.Id));
    }

    private static (double Recall, int Found, int Total) Recall(Dictionary<string, bool> kept, string prefix)
    {
        var ids = kept.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var found = ids.Count(k => !kept[k]);
        return ((double)found / ids.Count, found, ids.Count);
    }

    private (double Exact, double Ortho, double Para, double FalsePositive) Measure(string stage, Dictionary<string, bool> kept)
    {
        var exact = Recall(kept, "exact-");
        var ortho = Recall(kept, "ortho-");
        var para = Recall(kept, "para-");
        var fp = Recall(kept, "orig-");
        var dropped = kept.Count(kv => !kv.Value);
        var truePositives = exact.Found + ortho.Found + para.Found;
        output.WriteLine($"{stage,-13} exact {exact.Found}/{exact.Total}  ortho {ortho.Found}/{ortho.Total}  paraphrase {para.Found}/{para.Total}  " +
            $"false positives {fp.Found}/{fp.Total}  precision {(dropped == 0 ? 1 : (double)truePositives / dropped):P1}");
        return (exact.Recall, ortho.Recall, para.Recall, fp.Recall);
    }

    [Fact]
    public async Task Exact_stage_finds_every_copy_and_orthographic_variant_without_false_positives()
    {
        var m = Measure("exact-dup", await RunAlone(new ExactDuplicateFilter()));
        Assert.Equal(1.0, m.Exact);
        Assert.True(m.Ortho >= 0.95, $"orthographic recall {m.Ortho:P1} < 95%");
        Assert.True(m.FalsePositive <= 0.01, $"false positives {m.FalsePositive:P1} > 1%");
    }

    [Fact]
    public async Task Near_duplicate_stage_finds_copies_and_variants_without_false_positives()
    {
        var m = Measure("near-dup", await RunAlone(new NearDuplicateFilter(new CurationOptions())));
        Assert.Equal(1.0, m.Exact);
        Assert.True(m.Ortho >= 0.95, $"orthographic recall {m.Ortho:P1} < 95%");
        Assert.True(m.FalsePositive <= 0.01, $"false positives {m.FalsePositive:P1} > 1%");
    }

    [Fact]
    public async Task Semantic_stage_finds_copies_variants_and_paraphrases_without_false_positives()
    {
        var m = Measure("semantic-dup", await RunAlone(new SemanticDuplicateFilter(new CurationOptions())));
        Assert.Equal(1.0, m.Exact);
        Assert.True(m.Ortho >= 0.95, $"orthographic recall {m.Ortho:P1} < 95%");
        Assert.True(m.FalsePositive <= 0.01, $"false positives {m.FalsePositive:P1} > 1%");
    }

    [Fact]
    public async Task Semantic_stage_at_a_paraphrase_threshold_catches_paraphrases()
    {
        var options = new CurationOptions { SemanticDuplicateCosine = 0.8 };
        var m = Measure("semantic@0.8", await RunAlone(new SemanticDuplicateFilter(options)));
        Assert.True(m.Para >= 0.5, $"paraphrase recall {m.Para:P1} < 50%");
        Assert.True(m.FalsePositive <= 0.01, $"false positives {m.FalsePositive:P1} > 1%");
    }
}
