// The `profile` stage: read the workspace's records, compute the profile, write profile/ artifacts and the stage manifest.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Core.Profiling;

/// <summary>Runs the profile stage over a workspace.</summary>
public static class ProfileRun
{
    /// <summary>What the stage wrote.</summary>
    /// <param name="Profile">The computed profile.</param>
    /// <param name="JsonPath">Path of <c>profile/profile.json</c>.</param>
    /// <param name="MarkdownPath">Path of <c>profile/profile.md</c>.</param>
    /// <param name="ChartPaths">Paths of the PNG charts.</param>
    /// <param name="InputHash">Hash of the profiled record fields, as stored in the <c>manifests</c> row of stage <c>profile</c>.</param>
    public sealed record Result(DatasetProfile Profile, string JsonPath, string MarkdownPath, IReadOnlyList<string> ChartPaths, string InputHash);

    /// <summary>The stage name in the <c>manifests</c> table.</summary>
    public const string Stage = "profile";

    /// <summary>Profiles every record of <paramref name="workspace"/> and writes <c>profile/profile.json</c>, <c>profile/profile.md</c> and the charts.</summary>
    public static Result Run(Workspace workspace, DateTimeOffset? now = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        List<QaRecord> records = new RecordStore(workspace).Read();
        var profile = DatasetProfiler.Compute(records, now, ct);
        var dir = workspace.ArtifactPath("profile");
        var charts = ProfileCharts.Write(profile, dir);
        var json = Path.Combine(dir, "profile.json");
        var md = Path.Combine(dir, "profile.md");
        File.WriteAllText(json, ProfileReport.ToJson(profile));
        File.WriteAllText(md, ProfileReport.ToMarkdown(profile, [.. charts.Select(Path.GetFileName).OfType<string>()]));
        var inputHash = InputHash(records);
        WriteManifest(workspace, inputHash, [json, md, .. charts]);
        return new Result(profile, json, md, charts, inputHash);
    }

    /// <summary>Hash of exactly the record fields the profile reads, in id order, so re-running is skipped only when they are unchanged.</summary>
    public static string InputHash(IEnumerable<QaRecord> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in records.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var line = string.Join('\u001f', r.Id, r.Question, r.Answer, r.Specialty, r.SpecialtyKey, r.Dialect, r.Provenance.Source, (int)r.Provenance.Kind) + "\u001e";
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteManifest(Workspace workspace, string inputHash, IReadOnlyList<string> outputs)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO manifests(stage, input_hash, config_hash, code_version, outputs, completed_at)
            VALUES ($stage, $input, $config, $code, $outputs, $at)
            ON CONFLICT(stage) DO UPDATE SET input_hash = $input, config_hash = $config, code_version = $code, outputs = $outputs, completed_at = $at
            """;
        cmd.Parameters.AddWithValue("$stage", Stage);
        cmd.Parameters.AddWithValue("$input", inputHash);
        cmd.Parameters.AddWithValue("$config", ContentHash.Of(Stage, DatasetProfile.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture)));
        cmd.Parameters.AddWithValue("$code", typeof(ProfileRun).Assembly.GetName().Version?.ToString() ?? "0");
        cmd.Parameters.AddWithValue("$outputs", JsonSerializer.Serialize(outputs.Select(o => Path.GetRelativePath(workspace.Root, o))));
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }
}
