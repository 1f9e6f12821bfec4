// Reads and writes evaluation runs, outputs and per-item scores.
using System.Globalization;
using Shifa.Core.Storage;

namespace Shifa.Evaluation.Storage;

/// <summary>Access to the evaluation tables of a workspace.</summary>
public sealed class EvaluationStore
{
    private readonly Workspace _workspace;

    /// <summary>Wraps <paramref name="workspace"/>, ensuring the evaluation tables exist.</summary>
    public EvaluationStore(Workspace workspace)
    {
        _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        _workspace.EnsureSchema(EvaluationSchema.Instance);
    }

    /// <summary>Creates the run when missing (re-running with the same id resumes it).</summary>
    public void EnsureRun(string runId, string name, string configJson)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT OR IGNORE INTO eval_runs(id, name, config_json, created_at) VALUES ($id, $n, $c, $t)";
        cmd.Parameters.AddWithValue("$id", runId);
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$c", configJson);
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Stores (or replaces) what a system answered for a record.</summary>
    public void PutOutputs(string runId, string system, IEnumerable<(string RecordId, string Output)> outputs)
    {
        using var c = _workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO eval_outputs(run_id, record_id, system, output) VALUES ($r, $id, $s, $o)";
        var pr = cmd.Parameters.Add("$r", Microsoft.Data.Sqlite.SqliteType.Text);
        var pid = cmd.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var ps = cmd.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Text);
        var po = cmd.Parameters.Add("$o", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var (id, output) in outputs)
        {
            pr.Value = runId;
            pid.Value = id;
            ps.Value = system;
            po.Value = output;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>Outputs of a system in a run, by record id.</summary>
    public IReadOnlyDictionary<string, string> ReadOutputs(string runId, string system)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT record_id, output FROM eval_outputs WHERE run_id = $r AND system = $s";
        cmd.Parameters.AddWithValue("$r", runId);
        cmd.Parameters.AddWithValue("$s", system);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    /// <summary>Per system, how many of <paramref name="recordIds"/> have an empty (whitespace-only) stored answer.</summary>
    public IReadOnlyDictionary<string, int> CountEmptyOutputs(string runId, IEnumerable<string> systems, IReadOnlySet<string> recordIds) =>
        systems.ToDictionary(
            s => s,
            s => ReadOutputs(runId, s).Count(kv => recordIds.Contains(kv.Key) && string.IsNullOrWhiteSpace(kv.Value)),
            StringComparer.Ordinal);

    /// <summary>Stores (or replaces) item scores in one transaction.</summary>
    public void PutScores(IEnumerable<ItemScore> scores)
    {
        using var c = _workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO eval_items(run_id, record_id, system, metric, value, signature) VALUES ($r, $id, $s, $m, $v, $g)";
        var pr = cmd.Parameters.Add("$r", Microsoft.Data.Sqlite.SqliteType.Text);
        var pid = cmd.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var ps = cmd.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Text);
        var pm = cmd.Parameters.Add("$m", Microsoft.Data.Sqlite.SqliteType.Text);
        var pv = cmd.Parameters.Add("$v", Microsoft.Data.Sqlite.SqliteType.Real);
        var pg = cmd.Parameters.Add("$g", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var s in scores)
        {
            if (double.IsNaN(s.Value) || double.IsInfinity(s.Value))
            {
                throw new ArgumentException($"Score for record '{s.RecordId}', system '{s.System}', metric '{s.Metric}' is {s.Value}; only finite values are stored.", nameof(scores));
            }

            pr.Value = s.RunId;
            pid.Value = s.RecordId;
            ps.Value = s.System;
            pm.Value = s.Metric;
            pv.Value = s.Value;
            pg.Value = s.Signature;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>Item scores of a run, optionally filtered by system and metric, ordered by record id.</summary>
    public IReadOnlyList<ItemScore> ReadScores(string runId, string? system = null, string? metric = null)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT run_id, record_id, system, metric, value, signature FROM eval_items WHERE run_id = $r" +
            (system is null ? string.Empty : " AND system = $s") +
            (metric is null ? string.Empty : " AND metric = $m") +
            " ORDER BY system, metric, record_id";
        cmd.Parameters.AddWithValue("$r", runId);
        if (system is not null)
        {
            cmd.Parameters.AddWithValue("$s", system);
        }

        if (metric is not null)
        {
            cmd.Parameters.AddWithValue("$m", metric);
        }

        var list = new List<ItemScore>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            list.Add(new ItemScore(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), reader.GetString(5)));
        }

        return list;
    }
}
