using System.Text.Json;
using Shifa.Cli.Pipeline;
using Shifa.Cli.Pipeline.Config;
using Shifa.Cli.Tests.Foundation;
using Shifa.Core.Records;
using Shifa.Core.Splitting;
using Shifa.Core.Storage;
using Shifa.Evaluation.Ablation;

namespace Shifa.Cli.Tests.Pipeline;

public sealed class SyntheticTrainSplitTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Shifa_run_puts_the_curated_synthetic_records_in_train_grounded_on_train_exemplars_only()
    {
        var config = ReducedQuickstart.Write(_cli.PathOf("in"), rows: 120, train: false);
        var c = PipelineConfigLoader.Load(config);
        var ws = Workspace.Open(_cli.Ws);
        var stages = PipelineStages.Build(c).Where(s => s.Key is "ingest" or "split" or "synthesize:offline" or "curate").ToList();
        await new PipelineRunner(stages).RunAsync(new PipelineContext(c, config, ws, _ => { }));

        var records = new RecordStore(ws).Read();
        var byId = records.ToDictionary(r => r.Id);
        var synthetic = records.Where(r => r.IsSynthetic).ToList();
        var rejected = ConditionData.Rejected(ws);
        using var curate = JsonDocument.Parse(new ManifestStore(ws).Get("curate")!.Outputs);
        var kept = curate.RootElement.GetProperty("kept").GetInt32();
        Assert.True(kept > 0 && kept < synthetic.Count, $"kept {kept} of {synthetic.Count}");

        // Accepted synthetic records are in train, the rest in no split, none in val or test.
        Assert.Equal(kept, synthetic.Count(r => r.Split == RecordSplit.Train));
        Assert.All(synthetic, r => Assert.Equal(rejected.Contains(r.Id) ? RecordSplit.None : RecordSplit.Train, r.Split));
        Assert.DoesNotContain(synthetic, r => r.Split is RecordSplit.Val or RecordSplit.Test);
        // Synthesis drew its exemplars from train only, so nothing was held out for leaking.
        Assert.All(synthetic.SelectMany(r => r.Provenance.ExemplarIds), id => Assert.Equal(RecordSplit.Train, byId[id].Split));
        Assert.Equal(0, curate.RootElement.GetProperty("syntheticSplits").GetProperty("heldOutExemplar").GetInt32());

        // The split-based train set and the ablation's original+offline condition agree.
        var trainSplit = new RecordStore(ws).ReadSplit(RecordSplit.Train).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var condition = ConditionData.Select("original+offline", records, rejected).Select(r => r.Id).ToList();
        Assert.Equal(trainSplit, condition);
        Assert.Equal(records.Count(r => !r.IsSynthetic && r.Split == RecordSplit.Train), ConditionData.Select("original", records, rejected).Count);
    }

    [Fact]
    public void Export_split_train_carries_accepted_synthetic_records_and_val_and_test_stay_real()
    {
        Assert.Equal(0, _cli.Run("ingest", RepoFiles.BundledSample, "--workspace", _cli.Ws, "--source", "aramed").Exit);
        Assert.Equal(0, _cli.Run("split", "--workspace", _cli.Ws).Exit);
        var ws = Workspace.Open(_cli.Ws);
        var real = new RecordStore(ws).Read();
        var train = real.Where(r => r.Split == RecordSplit.Train).Select(r => r.Id).ToList();
        var test = real.First(r => r.Split == RecordSplit.Test).Id;
        new RecordStore(ws).Insert(
        [
            Synthetic("syn-accepted-1", train[0]), Synthetic("syn-accepted-2", train[1], train[2]),
            Synthetic("syn-rejected", train[3]), Synthetic("syn-on-test", train[4], test),
        ]);
        Decide(ws, "syn-accepted-1", keep: true);
        Decide(ws, "syn-accepted-2", keep: true);
        Decide(ws, "syn-rejected", keep: false);
        Decide(ws, "syn-on-test", keep: true);

        var exports = new Dictionary<string, string[]>();
        foreach (var split in new[] { "train", "val", "test" })
        {
            var path = _cli.PathOf(split + ".jsonl");
            var (exit, output) = _cli.Run("export", "--workspace", _cli.Ws, "--split", split, "--out", path);
            Assert.True(exit == 0, output);
            exports[split] = File.ReadAllLines(path);
        }

        Assert.Equal(train.Count + 2, exports["train"].Length);
        Assert.Single(exports["train"], l => l.Contains("syn-accepted-1", StringComparison.Ordinal));
        Assert.Single(exports["train"], l => l.Contains("syn-accepted-2", StringComparison.Ordinal));
        Assert.DoesNotContain(exports["train"], l => l.Contains("syn-rejected", StringComparison.Ordinal) || l.Contains("syn-on-test", StringComparison.Ordinal));
        Assert.All(exports["val"].Concat(exports["test"]), l => Assert.DoesNotContain("\"syn-", l, StringComparison.Ordinal));
        Assert.Equal(real.Count(r => r.Split == RecordSplit.Test), exports["test"].Length);
        Assert.Equal(real.Count(r => r.Split == RecordSplit.Val), exports["val"].Length);

        // The test-grounded record is flagged, so the ablation's conditions leave it out too.
        Assert.Contains("syn-on-test", ConditionData.Rejected(ws));
        Assert.DoesNotContain(ConditionData.Select("original+openai", new RecordStore(ws).Read(), ConditionData.Rejected(ws)), r => r.Id == "syn-on-test");
    }

    private static QaRecord Synthetic(string id, params string[] exemplars) => new()
    {
        Id = id, Question = "عندي حساسية من البنسلين، هل ينفع آخد أموكسيسيلين؟ 🤔", Answer = "لا، الأموكسيسيلين من عائلة البنسلين؛ استشر طبيبك لبديل آمن.", SpecialtyKey = "باطنة",
        Provenance = new Provenance("openai", RecordKind.LlmSynthetic, "openai", "gpt-4o", "synth-ar-v1", exemplars, T0, null, "item-" + id),
    };

    private static void Decide(Workspace ws, string id, bool keep)
    {
        using var c = ws.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO decisions(record_id, stage, keep, reason, score, config_hash, decided_at) VALUES ($id, 'near-dup', $k, 'x', NULL, 'h', '2026-01-01')";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$k", keep ? 1 : 0);
        cmd.ExecuteNonQuery();
    }
}
