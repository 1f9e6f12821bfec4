// Curation's own tables: run bookkeeping, per-stage run counts, the evidence behind duplicate drops, and the API embedding and judge caches.
using Shifa.Core.Storage;

namespace Shifa.Curation.Storage;

/// <summary>Tables owned by curation; decisions themselves live in Core's <c>decisions</c> table.</summary>
public sealed class CurationSchema : IStoreSchema
{
    /// <summary>Shared instance.</summary>
    public static CurationSchema Instance { get; } = new();

    /// <inheritdoc />
    public string Component => "curation";

    /// <inheritdoc />
    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE curation_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            config_json TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            targets INTEGER NOT NULL,
            kept INTEGER,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE curation_stage_runs (
            run_id INTEGER NOT NULL REFERENCES curation_runs(id),
            stage TEXT NOT NULL,
            position INTEGER NOT NULL,
            config_hash TEXT NOT NULL,
            inputs INTEGER NOT NULL,
            decided INTEGER NOT NULL,
            reused INTEGER NOT NULL,
            seconds REAL NOT NULL,
            PRIMARY KEY (run_id, stage)
        );
        CREATE TABLE curation_matches (
            record_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            other_id TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (record_id, stage)
        );
        CREATE TABLE embedding_cache (
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model, text_hash)
        );
        """,
        """
        CREATE TABLE chat_cache (
            model TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            response TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (model, request_hash)
        );
        """,
    ];
}
