// Core tables of shifa.db: records, ingest runs and rejects, per-stage decisions and stage manifests.
namespace Shifa.Core.Storage;

/// <summary>The schema Core owns.</summary>
public sealed class CoreSchema : IStoreSchema
{
    /// <summary>Shared instance.</summary>
    public static CoreSchema Instance { get; } = new();

    /// <inheritdoc />
    public string Component => "core";

    /// <inheritdoc />
    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE records (
            id TEXT PRIMARY KEY,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            specialty TEXT,
            specialty_key TEXT,
            title TEXT,
            gender TEXT,
            age INTEGER,
            dialect TEXT,
            split INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL,
            kind INTEGER NOT NULL,
            provider TEXT,
            model TEXT,
            prompt_version TEXT,
            exemplar_ids TEXT NOT NULL DEFAULT '[]',
            work_item_id TEXT,
            created_at TEXT NOT NULL,
            licence TEXT,
            text_hash TEXT NOT NULL
        );
        CREATE INDEX ix_records_source ON records(source);
        CREATE INDEX ix_records_kind ON records(kind);
        CREATE INDEX ix_records_split ON records(split);
        CREATE INDEX ix_records_text_hash ON records(text_hash);
        CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            ingested INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            duplicates INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT
        );
        CREATE TABLE ingest_rejects (
            run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            field TEXT,
            reason TEXT NOT NULL,
            raw TEXT
        );
        CREATE TABLE decisions (
            record_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            keep INTEGER NOT NULL,
            reason TEXT NOT NULL,
            score REAL,
            config_hash TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (record_id, stage)
        );
        CREATE TABLE manifests (
            stage TEXT PRIMARY KEY,
            input_hash TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            code_version TEXT NOT NULL,
            outputs TEXT NOT NULL,
            completed_at TEXT NOT NULL
        );
        """,
    ];
}
