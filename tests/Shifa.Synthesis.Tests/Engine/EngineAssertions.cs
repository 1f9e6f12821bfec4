using Shifa.Synthesis.Storage;

namespace Shifa.Synthesis.Tests.Engine;

public static class EngineAssertions
{
    public static long Scalar(SynthesisStore store, string sql)
    {
        using var c = store.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static double Real(SynthesisStore store, string sql)
    {
        using var c = store.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToDouble(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Nothing stored twice: one usable response per done item, exactly its pairs as records, no record for unfinished items.</summary>
    public static void NoDuplicates(SynthesisStore store)
    {
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM (SELECT item_id FROM synth_responses WHERE outcome = 'ok' GROUP BY item_id HAVING COUNT(*) > 1)"));
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM synth_items i WHERE i.status = 'done' AND (SELECT COUNT(*) FROM records r WHERE r.work_item_id = i.id) <> i.pairs"));
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM records r JOIN synth_items i ON i.id = r.work_item_id WHERE i.status <> 'done'"));
        Assert.Equal(Scalar(store, "SELECT COUNT(*) FROM records WHERE kind <> 0"), Scalar(store, "SELECT COUNT(DISTINCT text_hash) FROM records WHERE kind <> 0"));
    }
}
