// The corpus retrieval answers from: workspace records that no stage rejected (review included),
// outside the test split, with reviewers' edited answers taking the place of the originals.
using Shifa.Core.Storage;
using Shifa.Web.Storage;

namespace Shifa.Web.Retrieval;

/// <summary>Loads the vetted question–answer pairs of a workspace.</summary>
public static class VettedCorpus
{
    /// <summary>Reads the corpus. Records with any <c>keep = 0</c> decision are excluded.</summary>
    public static IReadOnlyList<VettedAnswer> Load(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.EnsureSchema(WebSchema.Instance);
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT r.id, r.question,
                   COALESCE((SELECT v.edited_answer FROM reviews v WHERE v.record_id = r.id AND v.verdict = 'edit' AND v.edited_answer IS NOT NULL
                             ORDER BY v.decided_at DESC LIMIT 1), r.answer),
                   r.specialty
            FROM records r
            WHERE r.split <> 3
              AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.record_id = r.id AND d.keep = 0)
            ORDER BY r.rowid
            """;
        using var rd = cmd.ExecuteReader();
        var list = new List<VettedAnswer>();
        while (rd.Read())
        {
            list.Add(new VettedAnswer(rd.GetString(0), rd.GetString(1), rd.GetString(2), rd.IsDBNull(3) ? null : rd.GetString(3)));
        }

        return list;
    }
}
