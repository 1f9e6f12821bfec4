using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Evaluation.Ablation;

namespace Shifa.Evaluation.Tests.Ablation;

public sealed class ConditionDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shifa-conditions-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static void Decide(Workspace ws, string record, string stage, bool keep, string at)
    {
        using var c = ws.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO decisions(record_id, stage, keep, reason, score, config_hash, decided_at) VALUES ($r, $s, $k, 'test', NULL, 'h', $t)";
        cmd.Parameters.AddWithValue("$r", record);
        cmd.Parameters.AddWithValue("$s", stage);
        cmd.Parameters.AddWithValue("$k", keep ? 1 : 0);
        cmd.Parameters.AddWithValue("$t", at);
        cmd.ExecuteNonQuery();
    }

    private static QaRecord Record(string id, RecordKind kind, RecordSplit split) => new()
    {
        Id = id,
        Question = "سؤال " + id,
        Answer = "جواب " + id,
        Split = split,
        Provenance = new Provenance(kind == RecordKind.Real ? "aramed" : "offline", kind, kind == RecordKind.Real ? null : "offline", null, null, [], DateTimeOffset.UnixEpoch, null),
    };

    [Fact]
    public void A_drop_by_any_stage_excludes_the_record_even_when_a_later_stage_kept_it()
    {
        var ws = Workspace.Open(_dir);
        // Curation decides per-record stages over every record, so a keep can be written after an earlier stage's drop.
        Decide(ws, "s1", "schema", keep: false, "2026-01-01T00:00:00Z");
        Decide(ws, "s1", "leakage", keep: true, "2026-01-01T00:00:05Z");
        Decide(ws, "s2", "schema", keep: true, "2026-01-01T00:00:00Z");
        Decide(ws, "s2", "near-dup", keep: true, "2026-01-01T00:00:05Z");
        Decide(ws, "s3", "review", keep: false, "2026-01-02T00:00:00Z");

        var rejected = ConditionData.Rejected(ws);
        Assert.Equal(["s1", "s3"], rejected.Order(StringComparer.Ordinal));

        IReadOnlyList<QaRecord> all =
        [
            Record("r1", RecordKind.Real, RecordSplit.Train), Record("r2", RecordKind.Real, RecordSplit.Test),
            Record("s1", RecordKind.OfflineAugmented, RecordSplit.None), Record("s2", RecordKind.OfflineAugmented, RecordSplit.None),
            Record("s3", RecordKind.OfflineAugmented, RecordSplit.None),
        ];
        Assert.Equal(["r1"], ConditionData.Select("original", all, rejected).Select(r => r.Id));
        Assert.Equal(["r1", "s2"], ConditionData.Select("original+offline", all, rejected).Select(r => r.Id));
    }
}
