// Persistence of batch jobs: every step is written before the next starts, so a restart resumes where it stopped.
using System.Globalization;
using System.Text.Json;
using Shifa.Core.Storage;

namespace Shifa.Synthesis.Batch;

/// <summary>Reads and writes <c>synth_batches</c>.</summary>
public sealed class BatchStore(Workspace workspace)
{
    /// <summary>Inserts a new batch row.</summary>
    public void Insert(BatchRecord b)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO synth_batches (local_id, provider, model, item_ids, input_path, status, reserved_usd, created_at, updated_at)
            VALUES ($id, $p, $m, $items, $path, $s, $r, $now, $now)
            """;
        cmd.Parameters.AddWithValue("$id", b.LocalId);
        cmd.Parameters.AddWithValue("$p", b.Provider);
        cmd.Parameters.AddWithValue("$m", b.Model);
        cmd.Parameters.AddWithValue("$items", JsonSerializer.Serialize(b.ItemIds));
        cmd.Parameters.AddWithValue("$path", b.InputPath);
        cmd.Parameters.AddWithValue("$s", b.Status);
        cmd.Parameters.AddWithValue("$r", (double)b.ReservedUsd);
        cmd.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Updates the mutable fields of a batch.</summary>
    public void Update(BatchRecord b)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            UPDATE synth_batches SET input_file_id = $in, batch_id = $b, status = $s, output_file_id = $out, error_file_id = $err, updated_at = $now
            WHERE local_id = $id
            """;
        cmd.Parameters.AddWithValue("$id", b.LocalId);
        cmd.Parameters.AddWithValue("$in", (object?)b.InputFileId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$b", (object?)b.BatchId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$s", b.Status);
        cmd.Parameters.AddWithValue("$out", (object?)b.OutputFileId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$err", (object?)b.ErrorFileId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O"));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Batches of a provider not yet ingested, oldest first.</summary>
    public List<BatchRecord> Open(string provider)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT local_id, provider, model, item_ids, input_path, input_file_id, batch_id, status, output_file_id, error_file_id, reserved_usd
            FROM synth_batches WHERE provider = $p AND status NOT IN ('ingested', 'failed', 'expired', 'cancelled') ORDER BY created_at
            """;
        cmd.Parameters.AddWithValue("$p", provider);
        using var rd = cmd.ExecuteReader();
        var list = new List<BatchRecord>();
        while (rd.Read())
        {
            string? S(int i) => rd.IsDBNull(i) ? null : rd.GetString(i);
            list.Add(new BatchRecord(rd.GetString(0), rd.GetString(1), rd.GetString(2), JsonSerializer.Deserialize<string[]>(rd.GetString(3)) ?? [],
                rd.GetString(4), S(5), S(6), rd.GetString(7), S(8), S(9), (decimal)rd.GetDouble(10)));
        }

        return list;
    }

    /// <summary>Ids of items in batches that are still open (they must not be put in a second batch).</summary>
    public HashSet<string> ItemsInOpenBatches(string provider) =>
        Open(provider).SelectMany(b => b.ItemIds).ToHashSet(StringComparer.Ordinal);

    internal static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
