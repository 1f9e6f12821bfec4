// Synthesis tables of shifa.db: work items, every provider response, and the spend ledger.
using Shifa.Core.Storage;

namespace Shifa.Synthesis.Storage;

/// <summary>The schema the synthesis area owns (<c>synth_items</c>, <c>synth_responses</c>, <c>spend</c>, <c>synth_batches</c>).</summary>
public sealed class SynthesisSchema : IStoreSchema
{
    /// <summary>Shared instance.</summary>
    public static SynthesisSchema Instance { get; } = new();

    /// <inheritdoc />
    public string Component => "synthesis";

    /// <inheritdoc />
    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE synth_items (
            id TEXT PRIMARY KEY,
            provider TEXT NOT NULL,
            seq INTEGER NOT NULL,
            specialty TEXT,
            specialty_key TEXT NOT NULL,
            question_type TEXT NOT NULL,
            dialect TEXT NOT NULL,
            gender TEXT,
            age INTEGER,
            pairs INTEGER NOT NULL,
            exemplar_ids TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            error_kind TEXT,
            last_error TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_synth_items_provider_status ON synth_items(provider, status, seq);
        CREATE TABLE synth_responses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id TEXT NOT NULL REFERENCES synth_items(id),
            provider TEXT NOT NULL,
            model TEXT,
            attempt INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            error_kind TEXT,
            error TEXT,
            finish_reason TEXT,
            raw TEXT,
            input_tokens INTEGER,
            output_tokens INTEGER,
            cached_tokens INTEGER,
            reasoning_tokens INTEGER,
            total_tokens INTEGER,
            cost_usd REAL NOT NULL DEFAULT 0,
            latency_ms REAL,
            retried TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX ix_synth_responses_item ON synth_responses(item_id);
        CREATE TABLE spend (
            id TEXT PRIMARY KEY,
            provider TEXT NOT NULL,
            model TEXT,
            state TEXT NOT NULL,
            amount_usd REAL NOT NULL,
            created_at TEXT NOT NULL,
            settled_at TEXT
        );
        CREATE INDEX ix_spend_provider ON spend(provider);
        """,
        """
        CREATE TABLE synth_batches (
            local_id TEXT PRIMARY KEY,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            item_ids TEXT NOT NULL,
            input_path TEXT NOT NULL,
            input_file_id TEXT,
            batch_id TEXT,
            status TEXT NOT NULL,
            output_file_id TEXT,
            error_file_id TEXT,
            reserved_usd REAL NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
    ];
}
