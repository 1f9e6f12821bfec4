// Reads and writes QaRecord rows of shifa.db; every write is one transaction.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Shifa.Core.Hashing;
using Shifa.Core.Records;

namespace Shifa.Core.Storage;

/// <summary>Record persistence over a <see cref="Workspace"/>.</summary>
public sealed class RecordStore(Workspace workspace)
{
    private const string Columns =
        "id, question, answer, specialty, specialty_key, title, gender, age, dialect, split, source, kind, provider, model, prompt_version, exemplar_ids, work_item_id, created_at, licence, text_hash";

    /// <summary>The workspace this store writes to.</summary>
    public Workspace Workspace { get; } = workspace;

    /// <summary>Hash of the exact question/answer text, stored with each record.</summary>
    public static string TextHash(string question, string answer) => ContentHash.Short(32, question, answer);

    /// <summary>
    /// Inserts records in one transaction; records whose id already exists are left untouched.
    /// Returns the number of new rows.
    /// </summary>
    public int Insert(IEnumerable<QaRecord> records)
    {
        using var c = Workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        var n = Insert(c, tx, records);
        tx.Commit();
        return n;
    }

    /// <summary>Inserts inside a caller's transaction (so a stage can commit records with its own bookkeeping atomically).</summary>
    public static int Insert(SqliteConnection c, SqliteTransaction tx, IEnumerable<QaRecord> records)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT OR IGNORE INTO records ({Columns}) VALUES ($id,$q,$a,$sp,$spk,$t,$g,$age,$d,$split,$src,$kind,$prov,$model,$pv,$ex,$wi,$ca,$lic,$th)";
        var names = new[] { "$id", "$q", "$a", "$sp", "$spk", "$t", "$g", "$age", "$d", "$split", "$src", "$kind", "$prov", "$model", "$pv", "$ex", "$wi", "$ca", "$lic", "$th" };
        var ps = names.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        cmd.Prepare();
        var inserted = 0;
        foreach (var r in records)
        {
            object?[] values =
            [
                r.Id, r.Question, r.Answer, r.Specialty, r.SpecialtyKey, r.Title, r.Gender, r.AgeYears, r.Dialect, (int)r.Split,
                r.Provenance.Source, (int)r.Provenance.Kind, r.Provenance.Provider, r.Provenance.Model, r.Provenance.PromptVersion,
                JsonSerializer.Serialize(r.Provenance.ExemplarIds), r.Provenance.WorkItemId, r.Provenance.CreatedAt.ToString("O"),
                r.Provenance.Licence, TextHash(r.Question, r.Answer),
            ];
            for (var i = 0; i < ps.Length; i++)
            {
                ps[i].Value = values[i] ?? DBNull.Value;
            }

            inserted += cmd.ExecuteNonQuery();
        }

        return inserted;
    }

    /// <summary>Reads records, optionally filtered by an SQL predicate over the <c>records</c> columns (parameters as <c>$name</c>).</summary>
    public List<QaRecord> Read(string? where = null, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        using var c = Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM records" + (where is null ? "" : " WHERE " + where) + " ORDER BY rowid";
        foreach (var (k, v) in parameters ?? new Dictionary<string, object?>())
        {
            cmd.Parameters.AddWithValue(k, v ?? DBNull.Value);
        }

        using var rd = cmd.ExecuteReader();
        var list = new List<QaRecord>();
        while (rd.Read())
        {
            list.Add(FromRow(rd));
        }

        return list;
    }

    /// <summary>Reads all records of one split.</summary>
    public List<QaRecord> ReadSplit(RecordSplit split) =>
        Read("split = $s", new Dictionary<string, object?> { ["$s"] = (int)split });

    /// <summary>Number of records.</summary>
    public long Count()
    {
        using var c = Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM records";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Sets the split of the given records in one transaction.</summary>
    public void SetSplits(IEnumerable<(string Id, RecordSplit Split)> assignments)
    {
        using var c = Workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE records SET split = $s WHERE id = $id";
        var ps = cmd.Parameters.Add("$s", SqliteType.Integer);
        var pid = cmd.Parameters.Add("$id", SqliteType.Text);
        foreach (var (id, split) in assignments)
        {
            ps.Value = (int)split;
            pid.Value = id;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private static QaRecord FromRow(SqliteDataReader rd)
    {
        string? S(int i) => rd.IsDBNull(i) ? null : rd.GetString(i);
        return new QaRecord
        {
            Id = rd.GetString(0),
            Question = rd.GetString(1),
            Answer = rd.GetString(2),
            Specialty = S(3),
            SpecialtyKey = S(4),
            Title = S(5),
            Gender = S(6),
            AgeYears = rd.IsDBNull(7) ? null : rd.GetInt32(7),
            Dialect = S(8),
            Split = (RecordSplit)rd.GetInt32(9),
            Provenance = new Provenance(
                rd.GetString(10),
                (RecordKind)rd.GetInt32(11),
                S(12),
                S(13),
                S(14),
                JsonSerializer.Deserialize<string[]>(rd.GetString(15)) ?? [],
                DateTimeOffset.Parse(rd.GetString(17), System.Globalization.CultureInfo.InvariantCulture),
                S(18),
                S(16)),
        };
    }
}
