using Shifa.Core.Profiling;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>
/// Profiles the seed records (specialties, lengths, dialects, duplicates, PII) into profile/. The pipeline
/// runner writes this stage's manifest (as every stage's), carrying what the profile run reports.
/// </summary>
internal sealed class ProfileStage : IPipelineStage
{
    public string Key => "profile";

    public IReadOnlyList<string> DependsOn => ["ingest"];

    public string Describe(PipelineContext context) => "profile the seed records (profile/profile.json, profile.md, charts)";

    public string OwnInputHash(PipelineContext context) => "";

    public string ConfigHash(PipelineContext context) => ProfileRun.ConfigHash;

    public decimal EstimateCostUsd(PipelineContext context) => 0;

    public Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var result = ProfileRun.Run(context.Workspace, ct: cancellationToken);
        context.Log($"profile: {result.Profile.RecordCount} records, {result.Profile.Specialties.Count} specialties -> {result.JsonPath}");
        string Rel(string p) => Path.GetRelativePath(context.Workspace.Root, p).Replace('\\', '/');
        return Task.FromResult(StageHash.Outputs(new
        {
            Records = result.Profile.RecordCount,
            Specialties = result.Profile.Specialties.Count,
            RecordsHash = result.InputHash,
            Json = Rel(result.JsonPath),
            Markdown = Rel(result.MarkdownPath),
            Charts = result.ChartPaths.Select(Rel).ToList(),
        }));
    }
}
