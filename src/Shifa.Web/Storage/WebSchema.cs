// Tables the web app owns in shifa.db: API keys, review rounds and their items, reviews with edit
// history, adjudications and expert ratings.
using Shifa.Core.Storage;

namespace Shifa.Web.Storage;

/// <summary>The web component's share of the workspace database.</summary>
public sealed class WebSchema : IStoreSchema
{
    /// <summary>Shared instance.</summary>
    public static WebSchema Instance { get; } = new();

    /// <inheritdoc />
    public string Component => "web";

    /// <inheritdoc />
    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        );
        CREATE TABLE review_rounds (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            margin REAL NOT NULL,
            confidence REAL NOT NULL,
            overlap REAL NOT NULL,
            population INTEGER NOT NULL,
            sample_size INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE round_items (
            round_id INTEGER NOT NULL REFERENCES review_rounds(id),
            record_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            position INTEGER NOT NULL,
            stratum TEXT NOT NULL,
            PRIMARY KEY (round_id, record_id, annotator)
        );
        CREATE TABLE reviews (
            round_id INTEGER NOT NULL REFERENCES review_rounds(id),
            record_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept','reject','edit')),
            reason TEXT,
            edited_answer TEXT,
            danger INTEGER NOT NULL DEFAULT 0,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (round_id, record_id, annotator)
        );
        CREATE TABLE review_edits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            round_id INTEGER NOT NULL,
            record_id TEXT NOT NULL,
            annotator TEXT NOT NULL,
            previous_answer TEXT NOT NULL,
            new_answer TEXT NOT NULL,
            edited_at TEXT NOT NULL
        );
        CREATE TABLE adjudications (
            round_id INTEGER NOT NULL REFERENCES review_rounds(id),
            record_id TEXT NOT NULL,
            adjudicator TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept','reject','edit')),
            note TEXT,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (round_id, record_id)
        );
        CREATE TABLE rating_items (
            id TEXT PRIMARY KEY,
            question TEXT NOT NULL,
            system_a TEXT NOT NULL,
            answer_a TEXT NOT NULL,
            system_b TEXT,
            answer_b TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE ratings (
            item_id TEXT NOT NULL REFERENCES rating_items(id),
            rater TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('pairwise','likert')),
            shown_left TEXT,
            preferred TEXT,
            accuracy INTEGER,
            relevance INTEGER,
            safety INTEGER,
            fluency INTEGER,
            hallucination INTEGER,
            hallucination_span TEXT,
            rated_at TEXT NOT NULL,
            PRIMARY KEY (item_id, rater, kind)
        );
        """,
        // Keys made for machine consumers (synthesis, evaluation) may skip the disclaimer; every older key keeps it.
        """
        ALTER TABLE api_keys ADD COLUMN append_disclaimer INTEGER NOT NULL DEFAULT 1;
        """,
    ];
}
