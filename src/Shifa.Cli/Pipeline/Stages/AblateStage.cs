using Shifa.Evaluation.Ablation;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>
/// Trains every model × condition that is missing (an interrupted training resumes from its checkpoint),
/// evaluates each on the real test split (generated answers are stored, so an interrupted evaluation
/// resumes too) and writes the ablation tables.
/// </summary>
internal sealed class AblateStage : IPipelineStage
{
    /// <summary>Evaluation run id the ablation runner uses for this pipeline's ablation.</summary>
    public const string RunId = "ablation-pipeline";

    public string Key => "ablate";

    public IReadOnlyList<string> DependsOn => ["split", "curate", "review-gate"];

    public string Describe(PipelineContext context)
    {
        var c = Config(context);
        return $"train and evaluate {c.Models.Count} system(s) × {c.Conditions.Count} condition(s) on the real test split ({string.Join(", ", c.Metrics)})";
    }

    public string OwnInputHash(PipelineContext context) => "";

    public string ConfigHash(PipelineContext context) => StageHash.Of(Config(context));

    public decimal EstimateCostUsd(PipelineContext context) => 0;

    public async Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var (report, folder) = await new AblationRunner(context.Workspace, Config(context))
            .RunAsync(new Progress<string>(context.Log), cancellationToken);
        context.Log($"ablation report: {folder}");
        return StageHash.Outputs(new { Folder = folder, report.Title });
    }

    public static AblationConfig Config(PipelineContext context)
    {
        var c = context.Config;
        var models = c.Models.Select(m => new AblationModel
        {
            Name = m.Name,
            Base = m.Base,
            Epochs = m.Epochs,
            MaxSteps = m.MaxSteps,
            MaxNewTokens = c.Evaluation.MaxNewTokens,
            Lora = m.Lora,
            Device = m.Device,
            Precision = m.Precision,
        }).ToList();
        if (c.Evaluation.Systems.Contains("retrieval"))
        {
            models.Add(new AblationModel { Name = "retrieval", Kind = "retrieval" });
        }

        var bert = c.Evaluation.BertScore;
        return new AblationConfig
        {
            Name = "pipeline",
            Conditions = c.Conditions,
            Models = models,
            Metrics = c.Evaluation.Metrics,
            BertScoreModel = bert?.Model,
            BertScoreLayer = bert?.Layer,
            BertScoreBaseline = bert?.Baseline,
            BertScoreIdf = bert?.Idf ?? false,
            MaxTestItems = c.Evaluation.MaxItems,
            Seed = c.Split.Seed,
        }.Validate("pipeline configuration");
    }
}
