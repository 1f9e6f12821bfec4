// Reads and writes the synthesis tables; an item's responses, records and status commit together.
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Storage;

/// <summary>Work items, responses and the spend ledger of one workspace.</summary>
public sealed class SynthesisStore
{
    private const string ItemColumns = "id, provider, seq, specialty, specialty_key, question_type, dialect, gender, age, pairs, exemplar_ids, prompt_version";

    /// <summary>Opens the store, creating the synthesis tables when missing.</summary>
    public SynthesisStore(Workspace workspace)
    {
        Workspace = workspace;
        workspace.EnsureSchema(SynthesisSchema.Instance);
    }

    /// <summary>The workspace.</summary>
    public Workspace Workspace { get; }

    /// <summary>
    /// Saves a plan: new items are added, items already there keep their status, and pending items
    /// of the same provider that the new plan no longer contains are removed. Returns (added, removed).
    /// </summary>
    public (int Added, int Removed) SavePlan(GenerationPlan plan, string provider)
    {
        using var c = Workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        using (var tmp = c.CreateCommand())
        {
            tmp.Transaction = tx;
            tmp.CommandText = "CREATE TEMP TABLE IF NOT EXISTS plan_ids (id TEXT PRIMARY KEY); DELETE FROM plan_ids;";
            tmp.ExecuteNonQuery();
        }

        var added = 0;
        using (var ins = c.CreateCommand())
        using (var keep = c.CreateCommand())
        {
            ins.Transaction = tx;
            ins.CommandText = $"INSERT OR IGNORE INTO synth_items ({ItemColumns}, updated_at) VALUES ($id,$p,$seq,$sp,$spk,$qt,$d,$g,$age,$pairs,$ex,$pv,$now)";
            keep.Transaction = tx;
            keep.CommandText = "INSERT OR IGNORE INTO plan_ids(id) VALUES ($id)";
            var now = DateTimeOffset.UtcNow.ToString("O");
            foreach (var it in plan.Items)
            {
                if (it.Provider != provider)
                {
                    throw new ArgumentException($"Plan item {it.Id} is for provider '{it.Provider}', not '{provider}'.", nameof(plan));
                }

                ins.Parameters.Clear();
                ins.Parameters.AddWithValue("$id", it.Id);
                ins.Parameters.AddWithValue("$p", it.Provider);
                ins.Parameters.AddWithValue("$seq", it.Seq);
                ins.Parameters.AddWithValue("$sp", (object?)it.Specialty ?? DBNull.Value);
                ins.Parameters.AddWithValue("$spk", it.SpecialtyKey);
                ins.Parameters.AddWithValue("$qt", it.QuestionType.ToString());
                ins.Parameters.AddWithValue("$d", it.Dialect);
                ins.Parameters.AddWithValue("$g", (object?)it.Persona.Gender ?? DBNull.Value);
                ins.Parameters.AddWithValue("$age", (object?)it.Persona.AgeYears ?? DBNull.Value);
                ins.Parameters.AddWithValue("$pairs", it.Pairs);
                ins.Parameters.AddWithValue("$ex", JsonSerializer.Serialize(it.ExemplarIds));
                ins.Parameters.AddWithValue("$pv", it.PromptVersion);
                ins.Parameters.AddWithValue("$now", now);
                added += ins.ExecuteNonQuery();
                keep.Parameters.Clear();
                keep.Parameters.AddWithValue("$id", it.Id);
                keep.ExecuteNonQuery();
            }
        }

        int removed;
        using (var del = c.CreateCommand())
        {
            del.Transaction = tx;
            del.CommandText = "DELETE FROM synth_items WHERE provider = $p AND status = 'pending' AND id NOT IN (SELECT id FROM plan_ids) AND id NOT IN (SELECT item_id FROM synth_responses)";
            del.Parameters.AddWithValue("$p", provider);
            removed = del.ExecuteNonQuery();
        }

        tx.Commit();
        return (added, removed);
    }

    /// <summary>Items of a provider in the given states, in run order, at most <paramref name="limit"/>.</summary>
    public List<WorkItem> ReadItems(string provider, IReadOnlyCollection<ItemStatus> states, int? limit = null)
    {
        using var c = Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        var names = states.Select((s, i) => $"$s{i}").ToList();
        cmd.CommandText = $"SELECT {ItemColumns} FROM synth_items WHERE provider = $p AND status IN ({string.Join(',', names)}) ORDER BY seq" + (limit is null ? "" : " LIMIT $lim");
        cmd.Parameters.AddWithValue("$p", provider);
        foreach (var (s, i) in states.Select((s, i) => (s, i)))
        {
            cmd.Parameters.AddWithValue($"$s{i}", StatusText(s));
        }

        if (limit is not null)
        {
            cmd.Parameters.AddWithValue("$lim", limit.Value);
        }

        using var rd = cmd.ExecuteReader();
        var list = new List<WorkItem>();
        while (rd.Read())
        {
            list.Add(new WorkItem(
                rd.GetString(0), rd.GetString(1), rd.GetInt32(2), rd.GetString(4), rd.IsDBNull(3) ? null : rd.GetString(3),
                Enum.Parse<QuestionType>(rd.GetString(5)), rd.GetString(6),
                new Persona(rd.IsDBNull(7) ? null : rd.GetString(7), rd.IsDBNull(8) ? null : rd.GetInt32(8)),
                rd.GetInt32(9), JsonSerializer.Deserialize<string[]>(rd.GetString(10)) ?? [], rd.GetString(11)));
        }

        return list;
    }

    /// <summary>Number of items of a provider per status.</summary>
    public Dictionary<ItemStatus, int> CountItems(string provider)
    {
        using var c = Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT status, COUNT(*) FROM synth_items WHERE provider = $p GROUP BY status";
        cmd.Parameters.AddWithValue("$p", provider);
        using var rd = cmd.ExecuteReader();
        var counts = Enum.GetValues<ItemStatus>().ToDictionary(s => s, _ => 0);
        while (rd.Read())
        {
            counts[ParseStatus(rd.GetString(0))] = rd.GetInt32(1);
        }

        return counts;
    }

    /// <summary>
    /// Commits an item's outcome in one transaction: every attempt, the records, and the item's new
    /// status. An item already marked done is left alone (returns false), so nothing is stored twice.
    /// </summary>
    public bool Commit(ItemOutcome outcome)
    {
        using var c = Workspace.OpenConnection();
        using var tx = c.BeginTransaction(deferred: false);
        using (var check = c.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT status FROM synth_items WHERE id = $id";
            check.Parameters.AddWithValue("$id", outcome.Item.Id);
            var status = check.ExecuteScalar() as string
                ?? throw new InvalidOperationException($"Work item {outcome.Item.Id} is not in the plan of this workspace.");
            if (status == StatusText(ItemStatus.Done))
            {
                return false;
            }
        }

        var now = DateTimeOffset.UtcNow.ToString("O");
        using (var ins = c.CreateCommand())
        {
            ins.Transaction = tx;
            ins.CommandText = """
                INSERT INTO synth_responses (item_id, provider, model, attempt, outcome, error_kind, error, finish_reason, raw,
                    input_tokens, output_tokens, cached_tokens, reasoning_tokens, total_tokens, cost_usd, latency_ms, retried, created_at)
                VALUES ($i,$p,$m,$a,$o,$ek,$e,$f,$raw,$in,$out,$cached,$reason,$total,$cost,$lat,$retried,$now)
                """;
            foreach (var a in outcome.Attempts)
            {
                ins.Parameters.Clear();
                object? N(object? v) => v ?? DBNull.Value;
                ins.Parameters.AddWithValue("$i", outcome.Item.Id);
                ins.Parameters.AddWithValue("$p", outcome.Item.Provider);
                ins.Parameters.AddWithValue("$m", N(outcome.Model));
                ins.Parameters.AddWithValue("$a", a.Attempt);
                ins.Parameters.AddWithValue("$o", a.Outcome);
                ins.Parameters.AddWithValue("$ek", N(a.ErrorKind));
                ins.Parameters.AddWithValue("$e", N(a.Error));
                ins.Parameters.AddWithValue("$f", N(a.FinishReason));
                ins.Parameters.AddWithValue("$raw", N(a.Raw));
                ins.Parameters.AddWithValue("$in", N(a.Usage?.Input));
                ins.Parameters.AddWithValue("$out", N(a.Usage?.Output));
                ins.Parameters.AddWithValue("$cached", N(a.Usage?.Cached));
                ins.Parameters.AddWithValue("$reason", N(a.Usage?.Reasoning));
                ins.Parameters.AddWithValue("$total", N(a.Usage?.Total));
                ins.Parameters.AddWithValue("$cost", (double)a.CostUsd);
                ins.Parameters.AddWithValue("$lat", N(a.LatencyMs));
                ins.Parameters.AddWithValue("$retried", a.Retried is { Count: > 0 } r ? string.Join(',', r) : DBNull.Value);
                ins.Parameters.AddWithValue("$now", now);
                ins.ExecuteNonQuery();
            }
        }

        RecordStore.Insert(c, tx, outcome.Records);
        using (var upd = c.CreateCommand())
        {
            upd.Transaction = tx;
            upd.CommandText = "UPDATE synth_items SET status = $s, attempts = attempts + $n, error_kind = $ek, last_error = $e, updated_at = $now WHERE id = $id";
            upd.Parameters.AddWithValue("$s", StatusText(outcome.Status));
            upd.Parameters.AddWithValue("$n", outcome.Attempts.Count);
            upd.Parameters.AddWithValue("$ek", (object?)outcome.ErrorKind ?? DBNull.Value);
            upd.Parameters.AddWithValue("$e", (object?)outcome.Error ?? DBNull.Value);
            upd.Parameters.AddWithValue("$now", now);
            upd.Parameters.AddWithValue("$id", outcome.Item.Id);
            upd.ExecuteNonQuery();
        }

        tx.Commit();
        return true;
    }

    /// <summary>Real records usable as exemplars (outside the val and test splits), by id.</summary>
    public Dictionary<string, QaRecord> ReadSeed() =>
        new RecordStore(Workspace)
            .Read("kind = $k AND split NOT IN ($v, $t)", new Dictionary<string, object?> { ["$k"] = (int)RecordKind.Real, ["$v"] = (int)RecordSplit.Val, ["$t"] = (int)RecordSplit.Test })
            .ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Text form of a status as stored.</summary>
    public static string StatusText(ItemStatus s) => s.ToString().ToLowerInvariant();

    /// <summary>Parses a stored status.</summary>
    public static ItemStatus ParseStatus(string s) => Enum.Parse<ItemStatus>(s, ignoreCase: true);

    internal static string Iso(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);
}
