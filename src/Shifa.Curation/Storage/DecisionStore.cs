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

        bool hadMatches;
        using (var any = Command(c, tx, "SELECT EXISTS(SELECT 1 FROM curation_matches WHERE stage = $s)"))
        {
            any.Parameters.AddWithValue("$s", stage);
            hadMatches = (long)any.ExecuteScalar()! != 0;
        }

        if (hadMatches)
        {
            // Only a re-decision can leave evidence behind; a first decision has none to clear.
            using var unmatch = Command(c, tx, "DELETE FROM curation_matches WHERE record_id = $id AND stage = $s");
            var uid = unmatch.Parameters.Add("$id", SqliteType.Text);
            unmatch.Parameters.AddWithValue("$s", stage);
            foreach (var d in decisions)
            {
                uid.Value = d.RecordId;
                unmatch.ExecuteNonQuery();
            }
        }

        foreach (var d in decisions)
        {
            if (string.IsNullOrWhiteSpace(d.Reason))
            {
                throw new InvalidOperationException($"Stage '{stage}' returned a decision without a reason for record {d.RecordId}.");
            }
        }

        InsertBatched(c, tx, "INSERT OR REPLACE INTO decisions(record_id, stage, keep, reason, score, config_hash, decided_at) VALUES ", 7, decisions,
            d => [d.RecordId, stage, d.Keep ? 1 : 0, d.Reason, d.Score is double s && double.IsFinite(s) ? s : null, configHash, now]);
        InsertBatched(c, tx, "INSERT OR REPLACE INTO curation_matches(record_id, stage, other_id, score) VALUES ", 4, [.. decisions.Where(d => d.MatchedId is not null)],
            d => [d.RecordId, stage, d.MatchedId, d.Score ?? 0]);
        tx.Commit();
    }

    // Multi-row VALUES lists: one statement per 128 rows instead of one per row.
    private static void InsertBatched(SqliteConnection c, SqliteTransaction tx, string prefix, int columns, IReadOnlyList<FilterDecision> items, Func<FilterDecision, object?[]> values)
    {
        const int Batch = 128;
        SqliteCommand? full = null;
        try
        {
            for (var start = 0; start < items.Count; start += Batch)
            {
                var n = Math.Min(Batch, items.Count - start);
                SqliteCommand cmd;
                if (n == Batch)
                {
                    cmd = full ??= Prepare(c, tx, prefix, columns, Batch);
                }
                else
                {
                    cmd = Prepare(c, tx, prefix, columns, n);
                }

                for (var i = 0; i < n; i++)
                {
                    var v = values(items[start + i]);
                    for (var k = 0; k < columns; k++)
                    {
                        cmd.Parameters[i * columns + k].Value = v[k] ?? DBNull.Value;
                    }
                }

                cmd.ExecuteNonQuery();
                if (!ReferenceEquals(cmd, full))
                {
                    cmd.Dispose();
                }
            }
        }
        finally
        {
            full?.Dispose();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string prefix, int columns, int rows)
    {
        var sql = new System.Text.StringBuilder(prefix);
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ",(");
            for (var k = 0; k < columns; k++)
            {
                var name = $"$p{i}_{k}";
                sql.Append(k == 0 ? name : "," + name);
                cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        cmd.CommandText = sql.ToString();
        return cmd;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
