using Shifa.Cli.Pipeline.Report;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>Writes the run report (HTML and Markdown) from what the earlier stages left in the workspace.</summary>
internal sealed class ReportStage(IReadOnlyList<string> upstream) : IPipelineStage
{
    /// <summary>Folder of the run report under the workspace.</summary>
    public const string Folder = "reports/run";

    public string Key => "report";

    public IReadOnlyList<string> DependsOn => upstream;

    public string Describe(PipelineContext context) => $"write the run report to {Folder}/index.html";

    // Review rounds change outside the pipeline (in the web app): their progress is part of the report's input.
    public string OwnInputHash(PipelineContext context) =>
        StageHash.Of(new Shifa.Web.Review.ReviewStore(context.Workspace).Rounds(), SafetySet() is { } s ? Shifa.Core.Hashing.ContentHash.Of(Directory.GetFiles(s).Order(StringComparer.Ordinal).Select(Shifa.Core.Hashing.ContentHash.OfFile).ToArray()) : "");

    public string ConfigHash(PipelineContext context) => StageHash.Of(context.Config.Name);

    public decimal EstimateCostUsd(PipelineContext context) => 0;

    public Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var sections = RunReportSections.Build(context, AblateStage.RunId, SafetySet());
        var index = RunReportWriter.Write(context.Workspace.ArtifactPath(Folder.Split('/')), context.Config.Name, sections);
        context.Log($"report: {index}");
        return Task.FromResult(StageHash.Outputs(new { Index = index, Sections = sections.Select(s => s.Id) }));
    }

    // The labelled red-flag sets ship with the samples; look above the installation and the working folder.
    private static string? SafetySet()
    {
        foreach (var dir in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "samples", "safety");
                if (File.Exists(Path.Combine(candidate, SafetySets.Anchor)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
