// Evaluation's tables in the workspace database.
using Shifa.Core.Storage;

namespace Shifa.Evaluation.Storage;

/// <summary>
/// Evaluation runs, the text each system produced per record, and one row per (run, record,
/// system, metric) score, so every table or chart can be recomputed and traced to records.
/// </summary>
public sealed class EvaluationSchema : IStoreSchema
{
    /// <summary>Shared instance.</summary>
    public static EvaluationSchema Instance { get; } = new();

    /// <inheritdoc/>
    public string Component => "evaluation";

    /// <inheritdoc/>
    public IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE eval_runs (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            config_json TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE eval_outputs (
            run_id TEXT NOT NULL REFERENCES eval_runs(id),
            record_id TEXT NOT NULL,
            system TEXT NOT NULL,
            output TEXT NOT NULL,
            PRIMARY KEY (run_id, record_id, system)
        );
        CREATE TABLE eval_items (
            run_id TEXT NOT NULL REFERENCES eval_runs(id),
            record_id TEXT NOT NULL,
            system TEXT NOT NULL,
            metric TEXT NOT NULL,
            value REAL NOT NULL,
            signature TEXT NOT NULL,
            PRIMARY KEY (run_id, record_id, system, metric)
        );
        CREATE INDEX ix_eval_items_run_metric ON eval_items(run_id, metric, system);
        """,
        """
        CREATE TABLE eval_judgements (
            cache_key TEXT PRIMARY KEY,
            prompt_version TEXT NOT NULL,
            judge_model TEXT NOT NULL,
            verdict_json TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """,
    ];
}
