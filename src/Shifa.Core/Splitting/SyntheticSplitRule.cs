// Which split a synthetic record belongs to: train once vetted, never val or test, and never when grounded on held-out exemplars.
using System.Globalization;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Core.Splitting;

/// <summary>
/// The split rule for synthetic and augmented records. Val and test hold real records only, so a
/// synthetic record is either in train or in no split: it is in train when curation has decided it,
/// no stage (curation filter or expert review) rejects it, and none of its
/// <see cref="Provenance.ExemplarIds"/> is a val or test record. A record grounded on a held-out
/// exemplar would carry that exemplar's content into training, so it stays out and gets a decision
/// (stage <see cref="DecisionStage"/>, keep = 0) naming the exemplars, which every consumer of the
/// decisions table (ablation conditions, the retrieval corpus, reports) also honours.
/// </summary>
public static class SyntheticSplitRule
{
    /// <summary>Stage name of the held-out-exemplar decisions in the <c>decisions</c> table.</summary>
    public const string DecisionStage = "split-exemplar";

    /// <summary>Decision reason for a record grounded on a test exemplar.</summary>
    public const string TestExemplarReason = "exemplar-in-test";

    /// <summary>Decision reason for a record grounded on a validation exemplar.</summary>
    public const string ValExemplarReason = "exemplar-in-val";

    /// <summary>One synthetic record's split, and the held-out exemplars that kept it out of train.</summary>
    /// <param name="Id">Record id.</param>
    /// <param name="Split"><see cref="RecordSplit.Train"/> or <see cref="RecordSplit.None"/>.</param>
    /// <param name="HeldOutExemplars">Exemplar ids in val or test (empty when none).</param>
    /// <param name="Reason">Why it is not in train, or null when it is.</param>
    public sealed record Assignment(string Id, RecordSplit Split, IReadOnlyList<string> HeldOutExemplars, string? Reason);

    /// <summary>
    /// Assigns every synthetic record of <paramref name="records"/>. <paramref name="decided"/> holds the ids
    /// with at least one decision, <paramref name="rejected"/> those some stage currently drops (both
    /// without this rule's own decisions). Real records are read only for their splits.
    /// </summary>
    public static IReadOnlyList<Assignment> Assign(IReadOnlyList<QaRecord> records, IReadOnlySet<string> decided, IReadOnlySet<string> rejected)
    {
        ArgumentNullException.ThrowIfNull(records);
        var realSplit = records.Where(r => !r.IsSynthetic).ToDictionary(r => r.Id, r => r.Split, StringComparer.Ordinal);
        var result = new List<Assignment>();
        foreach (var r in records.Where(r => r.IsSynthetic))
        {
            var heldOut = r.Provenance.ExemplarIds
                .Where(id => realSplit.TryGetValue(id, out var s) && s is RecordSplit.Val or RecordSplit.Test)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            string? reason = heldOut.Count > 0
                ? heldOut.Any(id => realSplit[id] == RecordSplit.Test) ? TestExemplarReason : ValExemplarReason
                : rejected.Contains(r.Id) ? "rejected"
                : !decided.Contains(r.Id) ? "not-curated"
                : null;
            result.Add(new Assignment(r.Id, reason is null ? RecordSplit.Train : RecordSplit.None, heldOut, reason));
        }

        return result;
    }

    /// <summary>
    /// Applies the rule to the workspace: stores each synthetic record's split and replaces the
    /// held-out-exemplar decisions, so they follow the current real split and the current decisions.
    /// Idempotent; run it after splitting, after curation and before reading the train split.
    /// </summary>
    public static SyntheticSplitSummary Apply(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var store = new RecordStore(workspace);
        var records = store.Read();
        var decided = Ids(workspace, "stage <> $stage");
        var rejected = Ids(workspace, "stage <> $stage AND keep = 0");
        var assignments = Assign(records, decided, rejected);
        WriteDecisions(workspace, assignments.Where(a => a.HeldOutExemplars.Count > 0).ToList());
        store.SetSplits(assignments.Select(a => (a.Id, a.Split)));
        return new SyntheticSplitSummary(
            assignments.Count(a => a.Split == RecordSplit.Train),
            assignments.Count(a => a.Reason == "not-curated"),
            assignments.Count(a => a.Reason == "rejected"),
            assignments.Count(a => a.HeldOutExemplars.Count > 0));
    }

    private static HashSet<string> Ids(Workspace workspace, string where)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT DISTINCT record_id FROM decisions WHERE {where}";
        cmd.Parameters.AddWithValue("$stage", DecisionStage);
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var rd = cmd.ExecuteReader();
        while (rd.Read())
        {
            set.Add(rd.GetString(0));
        }

        return set;
    }

    private static void WriteDecisions(Workspace workspace, IReadOnlyList<Assignment> heldOut)
    {
        using var c = workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        using (var del = c.CreateCommand())
        {
            del.Transaction = tx;
            del.CommandText = "DELETE FROM decisions WHERE stage = $stage";
            del.Parameters.AddWithValue("$stage", DecisionStage);
            del.ExecuteNonQuery();
        }

        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT OR REPLACE INTO decisions(record_id, stage, keep, reason, score, config_hash, decided_at)
            VALUES ($id, $stage, 0, $reason, $score, $hash, $at)
            """;
        var id = cmd.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        var reason = cmd.Parameters.Add("$reason", Microsoft.Data.Sqlite.SqliteType.Text);
        var score = cmd.Parameters.Add("$score", Microsoft.Data.Sqlite.SqliteType.Real);
        var hash = cmd.Parameters.Add("$hash", Microsoft.Data.Sqlite.SqliteType.Text);
        cmd.Parameters.AddWithValue("$stage", DecisionStage);
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        foreach (var a in heldOut)
        {
            id.Value = a.Id;
            // The reason names the exemplars, so an audit can go from the dropped record to the held-out one.
            reason.Value = $"{a.Reason}: {string.Join(", ", a.HeldOutExemplars)}";
            score.Value = (double)a.HeldOutExemplars.Count;
            hash.Value = ContentHash.Short(16, DecisionStage, string.Join(",", a.HeldOutExemplars));
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
