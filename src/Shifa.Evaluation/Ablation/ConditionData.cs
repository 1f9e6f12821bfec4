// Selects the training records of a data condition from the workspace.
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Evaluation.Ablation;

/// <summary>
/// Training data of a condition: real train-split records plus the named synthetic sources.
/// Records whose latest curation decision rejected them are left out; test records never enter.
/// </summary>
public static class ConditionData
{
    /// <summary>Records of <paramref name="condition"/> among <paramref name="all"/>.</summary>
    public static IReadOnlyList<QaRecord> Select(string condition, IReadOnlyList<QaRecord> all, IReadOnlySet<string> rejected)
    {
        var parts = condition.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts[0] != "original")
        {
            throw new ArgumentException($"Condition '{condition}' must start with 'original'.", nameof(condition));
        }

        var sources = parts.Skip(1).ToList();
        return all.Where(r => r.Split != RecordSplit.Test && r.Split != RecordSplit.Val && !rejected.Contains(r.Id) && Included(r, sources))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Ids that some stage (a curation filter or an expert review) currently rejects.</summary>
    public static IReadOnlySet<string> Rejected(Workspace workspace)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        // The table holds each stage's current decision per record; a drop by any stage (a curation filter
        // or an expert's rejection) excludes the record, whatever later stages said about it.
        cmd.CommandText = "SELECT DISTINCT record_id FROM decisions WHERE keep = 0";
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            set.Add(reader.GetString(0));
        }

        return set;
    }

    private static bool Included(QaRecord r, List<string> sources)
    {
        var kind = r.Provenance.Kind;
        if (kind == RecordKind.Real)
        {
            return r.Split == RecordSplit.Train;
        }

        foreach (var s in sources)
        {
            if (s == "offline" && kind == RecordKind.OfflineAugmented)
            {
                return true;
            }

            if (s != "offline" && kind == RecordKind.LlmSynthetic
                && ((r.Provenance.Provider?.Contains(s, StringComparison.OrdinalIgnoreCase) ?? false)
                    || (r.Provenance.Model?.Contains(s, StringComparison.OrdinalIgnoreCase) ?? false)))
            {
                return true;
            }
        }

        return false;
    }
}
