// Reads and writes curation decisions (Core's decisions table) and their match evidence.
using Microsoft.Data.Sqlite;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Storage;

/// <summary>Decision persistence; every write is one transaction.</summary>
public sealed class DecisionStore(Workspace workspace)
{
    /// <summary>Ids of records that already hold a decision of <paramref name="stage"/> made under <paramref name="configHash"/>.</summary>
    public HashSet<string> CurrentIds(string stage, string configHash)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT record_id FROM decisions WHERE stage = $s AND config_hash = $h";
        cmd.Parameters.AddWithValue("$s", stage);
        cmd.Parameters.AddWithValue("$h", configHash);
        using var rd = cmd.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (rd.Read())
        {
            ids.Add(rd.GetString(0));
        }

        return ids;
    }

    /// <summary>Keep flag of every record decided by <paramref name="stage"/>.</summary>
    public Dictionary<string, bool> Verdicts(string stage)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT record_id, keep FROM decisions WHERE stage = $s";
        cmd.Parameters.AddWithValue("$s", stage);
        using var rd = cmd.ExecuteReader();
        var d = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (rd.Read())
        {
            d[rd.GetString(0)] = rd.GetInt64(1) != 0;
        }

        return d;
    }

    /// <summary>
    /// Stores <paramref name="decisions"/> of <paramref name="stage"/> (replacing older ones of the same
    /// records) and removes the stage's decisions of <paramref name="stale"/> records, in one transaction.
    /// </summary>
    public void Write(string stage, string configHash, IReadOnlyList<FilterDecision> decisions, IEnumerable<string> stale)
    {
        using var c = workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        var now = DateTimeOffset.UtcNow.ToString("O");
        using (var del = Command(c, tx, "DELETE FROM decisions WHERE record_id = $id AND stage = $s; DELETE FROM curation_matches WHERE record_id = $id AND stage = $s"))
        {
            var pid = del.Parameters.Add("$id", SqliteType.Text);
            del.Parameters.AddWithValue("$s", stage);
            foreach (var id in stale)
            {
                pid.Value = id;
                del.ExecuteNonQuery();
            }
        }

        using var ins = Command(c, tx, "INSERT OR REPLACE INTO decisions(record_id, stage, keep, reason, score, config_hash, decided_at) VALUES ($id, $s, $k, $r, $sc, $h, $t)");
        var id2 = ins.Parameters.Add("$id", SqliteType.Text);
        ins.Parameters.AddWithValue("$s", stage);
        var keep = ins.Parameters.Add("$k", SqliteType.Integer);
        var reason = ins.Parameters.Add("$r", SqliteType.Text);
        var score = ins.Parameters.Add("$sc", SqliteType.Real);
        ins.Parameters.AddWithValue("$h", configHash);
        ins.Parameters.AddWithValue("$t", now);
        using var match = Command(c, tx, "INSERT OR REPLACE INTO curation_matches(record_id, stage, other_id, score) VALUES ($id, $s, $o, $sc)");
        var mid = match.Parameters.Add("$id", SqliteType.Text);
        match.Parameters.AddWithValue("$s", stage);
        var other = match.Parameters.Add("$o", SqliteType.Text);
        var mscore = match.Parameters.Add("$sc", SqliteType.Real);
        using var unmatch = Command(c, tx, "DELETE FROM curation_matches WHERE record_id = $id AND stage = $s");
        var uid = unmatch.Parameters.Add("$id", SqliteType.Text);
        unmatch.Parameters.AddWithValue("$s", stage);
        foreach (var d in decisions)
        {
            if (string.IsNullOrWhiteSpace(d.Reason))
            {
                throw new InvalidOperationException($"Stage '{stage}' returned a decision without a reason for record {d.RecordId}.");
            }

            id2.Value = d.RecordId;
            keep.Value = d.Keep ? 1 : 0;
            reason.Value = d.Reason;
            score.Value = d.Score is double s && double.IsFinite(s) ? s : DBNull.Value;
            ins.ExecuteNonQuery();
            if (d.MatchedId is not null)
            {
                mid.Value = d.RecordId;
                other.Value = d.MatchedId;
                mscore.Value = d.Score ?? 0;
                match.ExecuteNonQuery();
            }
            else
            {
                uid.Value = d.RecordId;
                unmatch.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
