// Reads an input file into the records table: every row is ingested, rejected with a reason, or counted as a duplicate.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Shifa.Core.Arabic;
using Shifa.Core.Hashing;
using Shifa.Core.Pii;
using Shifa.Core.Readers;
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Core.Ingest;

/// <summary>
/// Ingests CSV, TSV, JSONL, XLSX and Parquet files into a workspace. Rows are committed in batches,
/// each batch with its rejects in one transaction, so an interrupted run leaves whole batches and a
/// re-run (same file, same source) only counts duplicates.
/// </summary>
public sealed class RecordIngestor(Workspace workspace)
{
    private const int RawValueLimit = 500;

    /// <summary>Ingests <paramref name="path"/>.</summary>
    /// <exception cref="TableReadException">The file is missing, unreadable, empty or of an unsupported format.</exception>
    /// <exception cref="ColumnMappingException">A mapped column is missing, or the question/answer columns cannot be told.</exception>
    public IngestResult Ingest(string path, IngestOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        options ??= new IngestOptions();
        using var source = TableReader.Open(path, options.Encoding);
        var layout = KnownLayout.Detect(source.Columns);
        var map = Resolve(path, source.Columns, options.Map, layout);
        var indexes = map.Pairs().ToDictionary(p => p.Field, p => ColumnResolver.Find(source.Columns, p.Column))
            .ToDictionary(kv => kv.Key, kv => (Column: source.Columns[kv.Value], Index: kv.Value));
        var withholdRaw = source.Columns.Any(ColumnResolver.IsPersonalName);
        var sourceName = options.Source ?? layout?.DefaultSource ?? Path.GetFileNameWithoutExtension(path);
        var licence = options.Licence ?? layout?.DefaultLicence;
        var now = options.Clock.GetUtcNow();
        var provenance = Provenance.RealData(sourceName, now, licence);

        using var c = workspace.OpenConnection();
        var runId = StartRun(c, path, source, sourceName, now);
        var rejects = new List<IngestReject>();
        var batch = new List<QaRecord>(options.BatchSize);
        var batchRejects = new List<IngestReject>();
        long read = 0, ingested = 0, duplicates = 0;
        var pii = options.ScrubPii ? new Dictionary<PiiKind, int>() : null;

        void Flush()
        {
            using var tx = c.BeginTransaction();
            var added = RecordStore.Insert(c, tx, batch);
            InsertRejects(c, tx, runId, batchRejects);
            tx.Commit();
            ingested += added;
            duplicates += batch.Count - added;
            rejects.AddRange(batchRejects);
            batch.Clear();
            batchRejects.Clear();
            progress?.Report(new IngestProgress(read, ingested, rejects.Count, duplicates));
        }

        foreach (var row in source.Rows(ct))
        {
            read++;
            var outcome = ToRecord(row, indexes, options.MaxFieldChars, sourceName, provenance, pii);
            if (outcome.Record is { } record)
            {
                batch.Add(record);
            }
            else
            {
                var raw = row.Problem is not null ? (withholdRaw ? "(withheld: the file has personal-name columns)" : row.Raw) : MappedRaw(row, indexes);
                batchRejects.Add(new IngestReject(path, row.Locator, outcome.Field, outcome.Reason!, raw));
            }

            if (batch.Count + batchRejects.Count >= options.BatchSize)
            {
                Flush();
            }
        }

        Flush();
        FinishRun(c, runId, read, ingested, rejects.Count, duplicates, options.Clock.GetUtcNow());
        return new IngestResult
        {
            RunId = runId,
            Path = path,
            Format = source.Format,
            Encoding = source.EncodingName,
            Layout = layout?.Name,
            Source = sourceName,
            Map = map,
            LocatorKind = source.LocatorKind,
            RowsRead = read,
            Ingested = ingested,
            Rejected = rejects.Count,
            Duplicates = duplicates,
            Rejects = rejects,
            PiiReplaced = pii ?? [],
        };
    }

    /// <summary>Record id of an ingested row: a content hash of source, question and answer, so re-ingesting is idempotent.</summary>
    public static string RecordId(string source, string question, string answer) => ContentHash.Short(32, "real", source, question, answer);

    private static ColumnMap Resolve(string path, IReadOnlyList<string> columns, ColumnMap? given, KnownLayout? layout)
    {
        var available = $"Available columns: {string.Join(", ", columns.Select(c => $"'{c}'"))}.";
        var map = layout is null ? given ?? new ColumnMap() : (given ?? new ColumnMap()).Over(layout.Map);
        if (map.Question is null || map.Answer is null)
        {
            throw new ColumnMappingException(
                $"'{path}': cannot tell which columns hold the {(map.Question is null ? "question" : "answer")}. Pass --map question=COLUMN,answer=COLUMN. {available}");
        }

        foreach (var (field, column) in map.Pairs())
        {
            var found = ColumnResolver.Find(columns, column);
            var explicitlyMapped = given?.Pairs().Any(p => p.Field == field) == true;
            if (found < 0 && (explicitlyMapped || field is "question" or "answer"))
            {
                throw new ColumnMappingException($"'{path}': mapped column '{column}' ({field}) does not exist. {available}");
            }

            if (found >= 0 && ColumnResolver.IsPersonalName(columns[found]))
            {
                throw new ColumnMappingException($"'{path}': column '{columns[found]}' holds personal names; Shifa never stores it. Map {field} to another column.");
            }
        }

        // Optional layout columns that this file lacks are simply not used.
        return new ColumnMap
        {
            Question = map.Question,
            Answer = map.Answer,
            Specialty = Present(columns, map.Specialty, layout, "specialty"),
            Title = Present(columns, map.Title, layout, "title"),
            Gender = Present(columns, map.Gender, layout, "gender"),
            Age = Present(columns, map.Age, layout, "age"),
        };
    }

    private static string? Present(IReadOnlyList<string> columns, string? column, KnownLayout? layout, string field)
    {
        if (column is not null && ColumnResolver.Find(columns, column) >= 0)
        {
            return column;
        }

        return layout?.Alternatives.GetValueOrDefault(field)?.FirstOrDefault(a => ColumnResolver.Find(columns, a) >= 0);
    }

    private static (QaRecord? Record, string? Field, string? Reason) ToRecord(
        SourceRow row, Dictionary<string, (string Column, int Index)> indexes, int maxChars, string source, Provenance provenance,
        Dictionary<PiiKind, int>? pii)
    {
        if (row.Problem is not null)
        {
            return (null, row.ProblemField, row.Problem);
        }

        var values = new Dictionary<string, string?>();
        foreach (var (field, (column, index)) in indexes)
        {
            var value = index < row.Values.Length ? row.Values[index] : null;
            if (value is not null && value.Contains(TextEncodingDetector.InvalidByteMarker))
            {
                return (null, column, "invalid UTF-8 byte sequence; if the file was saved by Excel, pass --encoding windows-1256");
            }

            if (value is not null && value.Length > maxChars)
            {
                return (null, column, $"{field} is {value.Length:N0} characters, over the {maxChars:N0} limit");
            }

            values[field] = Clean(value);
        }

        var question = values["question"];
        var title = values.GetValueOrDefault("title");
        if (question is null && title is not null)
        {
            question = title;
        }

        if (question is null)
        {
            return (null, indexes["question"].Column, indexes.ContainsKey("title") ? "empty question and empty title" : "empty question");
        }

        if (values["answer"] is not { } answer)
        {
            return (null, indexes["answer"].Column, "empty answer");
        }

        if (pii is not null)
        {
            question = Scrub(question, pii);
            answer = Scrub(answer, pii);
            title = title is null ? null : Scrub(title, pii);
        }

        var specialty = values.GetValueOrDefault("specialty");
        return (new QaRecord
        {
            Id = RecordId(source, question, answer),
            Question = question,
            Answer = answer,
            Specialty = specialty,
            SpecialtyKey = SpecialtyKeys.Of(specialty),
            Title = title,
            Gender = PatientFields.Gender(values.GetValueOrDefault("gender")),
            AgeYears = PatientFields.Age(values.GetValueOrDefault("age")),
            Dialect = DialectEstimator.Estimate(question).Dialect,
            Provenance = provenance,
        }, null, null);
    }

    private static string Scrub(string text, Dictionary<PiiKind, int> counts)
    {
        var r = PiiScrubber.Scrub(text);
        foreach (var (kind, n) in r.Counts)
        {
            counts[kind] = counts.GetValueOrDefault(kind) + n;
        }

        return r.Text;
    }

    // Line endings are unified so that a CRLF and an LF copy of one file give the same records and ids.
    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var s = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return s.Length == 0 ? null : s;
    }

    private static string MappedRaw(SourceRow row, Dictionary<string, (string Column, int Index)> indexes)
    {
        var shown = new Dictionary<string, string?>();
        foreach (var (_, (column, index)) in indexes)
        {
            var v = index < row.Values.Length ? row.Values[index] : null;
            shown[column] = v is { Length: > RawValueLimit } ? v[..RawValueLimit] + "…" : v;
        }

        return JsonSerializer.Serialize(shown, RawJson);
    }

    private static readonly JsonSerializerOptions RawJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static long StartRun(SqliteConnection c, string path, ITableSource source, string sourceName, DateTimeOffset now)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO ingest_runs(path, file_hash, source, format, encoding, rows_read, ingested, rejected, duplicates, started_at)
            VALUES ($p, $h, $s, $f, $e, 0, 0, 0, 0, $t) RETURNING id
            """;
        cmd.Parameters.AddWithValue("$p", Path.GetFullPath(path));
        cmd.Parameters.AddWithValue("$h", ContentHash.OfFile(path));
        cmd.Parameters.AddWithValue("$s", sourceName);
        cmd.Parameters.AddWithValue("$f", source.Format.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$e", source.EncodingName);
        cmd.Parameters.AddWithValue("$t", now.ToString("O"));
        return (long)cmd.ExecuteScalar()!;
    }

    private static void FinishRun(SqliteConnection c, long runId, long read, long ingested, long rejected, long duplicates, DateTimeOffset now)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE ingest_runs SET rows_read=$r, ingested=$i, rejected=$j, duplicates=$d, finished_at=$t WHERE id=$id";
        cmd.Parameters.AddWithValue("$r", read);
        cmd.Parameters.AddWithValue("$i", ingested);
        cmd.Parameters.AddWithValue("$j", rejected);
        cmd.Parameters.AddWithValue("$d", duplicates);
        cmd.Parameters.AddWithValue("$t", now.ToString("O"));
        cmd.Parameters.AddWithValue("$id", runId);
        cmd.ExecuteNonQuery();
    }

    private static void InsertRejects(SqliteConnection c, SqliteTransaction tx, long runId, List<IngestReject> rejects)
    {
        if (rejects.Count == 0)
        {
            return;
        }

        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO ingest_rejects(run_id, file, line, field, reason, raw) VALUES ($r, $f, $l, $fi, $re, $raw)";
        var ps = new[] { "$r", "$f", "$l", "$fi", "$re", "$raw" }.Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        foreach (var r in rejects)
        {
            object?[] v = [runId, r.File, r.Line, r.Field, r.Reason, r.Raw];
            for (var i = 0; i < ps.Length; i++)
            {
                ps[i].Value = v[i] ?? DBNull.Value;
            }

            cmd.ExecuteNonQuery();
        }
    }
}
