// The `profile` stage: read the workspace's records, compute the profile, write profile/ artifacts.
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
    public sealed record Result(DatasetProfile Profile, string JsonPath, string MarkdownPath, IReadOnlyList<string> ChartPaths);

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
        return new Result(profile, json, md, charts);
    }
}
