// The `profile` stage: read the workspace's records, compute the profile, write profile/ artifacts.
// The stage manifest is not written here: `shifa run` owns every manifest and stores this result in it.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    /// <param name="InputHash">Hash of the profiled record fields (see <c>ProfileRun.InputHash</c>), for the caller's manifest.</param>
    public sealed record Result(DatasetProfile Profile, string JsonPath, string MarkdownPath, IReadOnlyList<string> ChartPaths, string InputHash);

    /// <summary>The stage name in the <c>manifests</c> table.</summary>
    public const string Stage = "profile";

    /// <summary>
    /// Hash of what shapes the profile besides its records: the stage and the profile's schema version, so a
    /// new <see cref="DatasetProfile.CurrentSchemaVersion"/> makes an up-to-date workspace profile again.
    /// </summary>
    public static string ConfigHash { get; } = ContentHash.Of(Stage, DatasetProfile.CurrentSchemaVersion.ToString(CultureInfo.InvariantCulture));

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
        return new Result(profile, json, md, charts, InputHash(records));
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
}
