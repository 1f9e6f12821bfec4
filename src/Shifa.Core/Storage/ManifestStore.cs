// Per-stage manifests in shifa.db, so a pipeline run knows which stages are up to date.
using System.Globalization;

namespace Shifa.Core.Storage;

/// <summary>Reads and writes <see cref="StageManifest"/> rows.</summary>
public sealed class ManifestStore(Workspace workspace)
{
    /// <summary>The manifest of <paramref name="stage"/>, or null when it never completed.</summary>
    public StageManifest? Get(string stage)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT stage, input_hash, config_hash, code_version, outputs, completed_at FROM manifests WHERE stage = $s";
        cmd.Parameters.AddWithValue("$s", stage);
        using var rd = cmd.ExecuteReader();
        return rd.Read()
            ? new StageManifest(rd.GetString(0), rd.GetString(1), rd.GetString(2), rd.GetString(3), rd.GetString(4),
                DateTimeOffset.Parse(rd.GetString(5), CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>Records that <paramref name="manifest"/>'s stage completed (replacing any earlier manifest).</summary>
    public void Put(StageManifest manifest)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO manifests(stage, input_hash, config_hash, code_version, outputs, completed_at)
            VALUES ($s, $i, $c, $v, $o, $t)
            ON CONFLICT(stage) DO UPDATE SET input_hash = $i, config_hash = $c, code_version = $v, outputs = $o, completed_at = $t
            """;
        cmd.Parameters.AddWithValue("$s", manifest.Stage);
        cmd.Parameters.AddWithValue("$i", manifest.InputHash);
        cmd.Parameters.AddWithValue("$c", manifest.ConfigHash);
        cmd.Parameters.AddWithValue("$v", manifest.CodeVersion);
        cmd.Parameters.AddWithValue("$o", manifest.Outputs);
        cmd.Parameters.AddWithValue("$t", manifest.CompletedAt.ToString("O"));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Forgets a stage's manifest so the next run redoes it.</summary>
    public void Invalidate(string stage)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM manifests WHERE stage = $s";
        cmd.Parameters.AddWithValue("$s", stage);
        cmd.ExecuteNonQuery();
    }

    /// <summary>All manifests, by stage name.</summary>
    public IReadOnlyList<StageManifest> All()
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT stage FROM manifests ORDER BY completed_at";
        using var rd = cmd.ExecuteReader();
        var stages = new List<string>();
        while (rd.Read())
        {
            stages.Add(rd.GetString(0));
        }

        return stages.Select(s => Get(s)!).ToList();
    }
}
