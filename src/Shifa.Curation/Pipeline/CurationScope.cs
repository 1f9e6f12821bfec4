using Shifa.Core.Records;

namespace Shifa.Curation.Pipeline;

/// <summary>Which records a run curates, and which serve as reference.</summary>
public static class CurationScope
{
    /// <summary>True when <paramref name="record"/> is curated under <paramref name="scope"/>.</summary>
    public static bool IsTarget(QaRecord record, string scope) => scope switch
    {
        "synthetic" => record.IsSynthetic,
        "real" => !record.IsSynthetic,
        "all" => true,
        _ => throw new ArgumentException($"Unknown scope '{scope}'; use synthetic, real or all.", nameof(scope)),
    };

    /// <summary>SQL predicate over <c>records</c> selecting the targets of <paramref name="scope"/>.</summary>
    public static string SqlPredicate(string scope) => scope switch
    {
        "synthetic" => "kind <> 0",
        "real" => "kind = 0",
        "all" => "1 = 1",
        _ => throw new ArgumentException($"Unknown scope '{scope}'; use synthetic, real or all.", nameof(scope)),
    };

    /// <summary>Canonical order: creation time, then id (ordinal), so "first copy wins" is reproducible.</summary>
    public static List<QaRecord> Canonical(IEnumerable<QaRecord> records) =>
        [.. records.OrderBy(r => r.Provenance.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
}
