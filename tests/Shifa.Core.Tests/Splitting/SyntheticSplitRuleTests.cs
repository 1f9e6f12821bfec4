using Shifa.Core.Records;
using Shifa.Core.Splitting;
using Shifa.Core.Storage;

namespace Shifa.Core.Tests.Splitting;

public sealed class SyntheticSplitRuleTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-synsplit-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static QaRecord Real(int i) => new()
    {
        Id = $"real-{i:000}", Question = $"ما علاج الصُّداع النصفي رقم {i}؟", Answer = "الراحة، وشرب الماء؛ وراجع الطبيب.", SpecialtyKey = i % 2 == 0 ? "أعصاب" : "باطنة",
        Provenance = Provenance.RealData("aramed", T0),
    };

    private static QaRecord Synthetic(string id, params string[] exemplars) => new()
    {
        Id = id, Question = "عندي صداع من ٣ أيام، شو الحل؟", Answer = "اشرب مَيّ كتير وارتاح، وإذا ضل الوجع روح عالدكتور.", SpecialtyKey = "أعصاب",
        Provenance = new Provenance("openai", RecordKind.LlmSynthetic, "openai", "gpt-4o", "synth-ar-v1", exemplars, T0, null, "item-" + id),
    };

    private static void Decide(Workspace ws, string id, string stage, bool keep)
    {
        using var c = ws.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT OR REPLACE INTO decisions(record_id, stage, keep, reason, score, config_hash, decided_at) VALUES ($id, $s, $k, $r, NULL, 'h', '2026-01-01')";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$s", stage);
        cmd.Parameters.AddWithValue("$k", keep ? 1 : 0);
        cmd.Parameters.AddWithValue("$r", keep ? "ok" : "near-duplicate");
        cmd.ExecuteNonQuery();
    }

    private static Dictionary<string, RecordSplit> Splits(Workspace ws) => new RecordStore(ws).Read().ToDictionary(r => r.Id, r => r.Split);

    // 40 real records split with val 0.2 / test 0.2, and synthetic records grounded on chosen exemplars.
    private (Workspace Ws, Dictionary<string, RecordSplit> Real) Seeded(SplitOptions options)
    {
        var ws = Workspace.Open(_dir);
        new RecordStore(ws).Insert(Enumerable.Range(0, 40).Select(Real).ToList());
        StratifiedSplitter.Apply(ws, options);
        return (ws, Splits(ws));
    }

    [Fact]
    public void Accepted_synthetic_records_join_train_and_rejected_or_uncurated_ones_join_no_split()
    {
        var (ws, real) = Seeded(new SplitOptions { Val = 0.2, Test = 0.2 });
        var train = real.Where(p => p.Value == RecordSplit.Train).Select(p => p.Key).ToList();
        new RecordStore(ws).Insert([Synthetic("kept", train[0], train[1]), Synthetic("dropped", train[2]), Synthetic("uncurated", train[3]), Synthetic("reviewed-out", train[4])]);
        foreach (var id in new[] { "kept", "dropped", "reviewed-out" })
        {
            Decide(ws, id, "schema", keep: true);
            Decide(ws, id, "near-dup", keep: id != "dropped");
        }

        Decide(ws, "reviewed-out", "review", keep: false);

        var summary = SyntheticSplitRule.Apply(ws);

        var splits = Splits(ws);
        Assert.Equal(RecordSplit.Train, splits["kept"]);
        Assert.Equal(RecordSplit.None, splits["dropped"]);
        Assert.Equal(RecordSplit.None, splits["uncurated"]);
        Assert.Equal(RecordSplit.None, splits["reviewed-out"]);
        Assert.Equal(new SyntheticSplitSummary(Train: 1, NotCurated: 1, Rejected: 2, HeldOutExemplar: 0), summary);
        // The train split that training and `export --split train` read now holds the accepted synthetic record.
        Assert.Contains(new RecordStore(ws).ReadSplit(RecordSplit.Train), r => r.Id == "kept");
        Assert.DoesNotContain(new RecordStore(ws).Read(), r => r.IsSynthetic && r.Split is RecordSplit.Val or RecordSplit.Test);

        // An expert rejecting it later takes it out again on the next application.
        Decide(ws, "kept", "review", keep: false);
        SyntheticSplitRule.Apply(ws);
        Assert.Equal(RecordSplit.None, Splits(ws)["kept"]);
    }

    [Fact]
    public void Synthetic_records_grounded_on_val_or_test_exemplars_are_held_out_and_flagged_until_a_resplit_frees_them()
    {
        var options = new SplitOptions { Val = 0.2, Test = 0.2, Seed = 1 };
        var (ws, real) = Seeded(options);
        var train = real.Where(p => p.Value == RecordSplit.Train).Select(p => p.Key).ToList();
        var test = real.First(p => p.Value == RecordSplit.Test).Key;
        var val = real.First(p => p.Value == RecordSplit.Val).Key;
        new RecordStore(ws).Insert([Synthetic("on-test", train[0], test), Synthetic("on-val", val), Synthetic("clean", train[1])]);
        foreach (var id in new[] { "on-test", "on-val", "clean" })
        {
            Decide(ws, id, "schema", keep: true);
        }

        var summary = SyntheticSplitRule.Apply(ws);

        Assert.Equal(1, summary.Train);
        Assert.Equal(2, summary.HeldOutExemplar);
        var splits = Splits(ws);
        Assert.Equal(RecordSplit.None, splits["on-test"]);
        Assert.Equal(RecordSplit.None, splits["on-val"]);
        Assert.Equal(RecordSplit.Train, splits["clean"]);
        var flags = Flags(ws);
        Assert.Equal($"{SyntheticSplitRule.TestExemplarReason}: {test}", flags["on-test"]);
        Assert.Equal($"{SyntheticSplitRule.ValExemplarReason}: {val}", flags["on-val"]);
        Assert.False(flags.ContainsKey("clean"));

        // Applying again changes nothing (no duplicate flags, same splits).
        Assert.Equal(summary, SyntheticSplitRule.Apply(ws));
        Assert.Equal(2, Flags(ws).Count);

        // Re-splitting with val = test = 0 puts every exemplar in train: the flags go and the records join train.
        var resplit = StratifiedSplitter.Apply(ws, new SplitOptions { Val = 0, Test = 0 });
        Assert.Equal(3, resplit.SyntheticTrain);
        Assert.Equal(0, resplit.SyntheticHeldOut);
        Assert.Empty(Flags(ws));
        Assert.All(new[] { "on-test", "on-val", "clean" }, id => Assert.Equal(RecordSplit.Train, Splits(ws)[id]));

        // And back: the split puts the held-out exemplars' synthetic records out of train again.
        var again = StratifiedSplitter.Apply(ws, options);
        Assert.Equal(2, again.SyntheticHeldOut);
        Assert.Equal(1, again.SyntheticTrain);
        Assert.Equal(2, again.SyntheticUnassigned);
    }

    private static Dictionary<string, string> Flags(Workspace ws)
    {
        using var c = ws.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT record_id, reason FROM decisions WHERE stage = $s AND keep = 0";
        cmd.Parameters.AddWithValue("$s", SyntheticSplitRule.DecisionStage);
        using var rd = cmd.ExecuteReader();
        var d = new Dictionary<string, string>();
        while (rd.Read())
        {
            d[rd.GetString(0)] = rd.GetString(1);
        }

        return d;
    }
}
