using System.Text.Json.Nodes;
using Shifa.Cli.Commands.Curation;
using Shifa.Core.Splitting;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Reporting;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>
/// Runs the curation chain over the synthetic records; decisions are stored per record, so re-runs only re-decide
/// what changed. Then places the synthetic records (<see cref="SyntheticSplitRule"/>): the accepted ones join train.
/// </summary>
internal sealed class CurateStage(IReadOnlyList<string> synthesisStages) : IPipelineStage
{
    public string Key => "curate";

    public IReadOnlyList<string> DependsOn => ["split", .. synthesisStages];

    public string Describe(PipelineContext context) =>
        $"curate synthetic records (near-dup Jaccard {Options(context).NearDuplicateJaccard}, semantic cosine {Options(context).SemanticDuplicateCosine}, band [{string.Join(", ", Options(context).RelevanceBand)}])";

    public string OwnInputHash(PipelineContext context) => "";

    public string ConfigHash(PipelineContext context) => StageHash.Of(Options(context));

    public decimal EstimateCostUsd(PipelineContext context) => 0;

    public async Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var result = await CurationRunner.RunAsync(context.Workspace, Options(context), ct: cancellationToken);
        var report = CurationReport.Build(context.Workspace, result.RunId);
        var written = CurationReportWriter.Write(report, context.Workspace.ArtifactPath("curate"));
        context.Log($"curation kept {result.Kept} of {result.Targets} synthetic records; report {written}");
        // Curation decides which synthetic records may train: place them now, so the train split is current.
        var splits = SyntheticSplitRule.Apply(context.Workspace);
        context.Log(splits.ToString());
        return StageHash.Outputs(new { result.RunId, result.Targets, result.Kept, Report = written, SyntheticSplits = splits });
    }

    /// <summary>The embedder of the config's <c>curation.embedder</c>, read as <c>shifa curate --config</c> reads it.</summary>
    public static EmbedderOptions Embedder(Config.CurationConfig curation, string configPath) =>
        CurationConfigReader.Embedder(
            curation.Embedder is { } e ? JsonNode.Parse(e.GetRawText()) : null,
            Path.GetDirectoryName(Path.GetFullPath(configPath))!,
            configPath);

    public static CurationOptions Options(PipelineContext context)
    {
        var c = context.Config.Curation;
        var o = new CurationOptions();
        return o with
        {
            NearDuplicateJaccard = c.NearDuplicateJaccard ?? o.NearDuplicateJaccard,
            SemanticDuplicateCosine = c.SemanticDuplicateCosine ?? o.SemanticDuplicateCosine,
            RelevanceBand = c.RelevanceBand ?? o.RelevanceBand,
            MinArabicRatio = c.MinArabicRatio ?? o.MinArabicRatio,
            Embedder = Embedder(context.Config.Curation, context.ConfigPath),
        };
    }
}
