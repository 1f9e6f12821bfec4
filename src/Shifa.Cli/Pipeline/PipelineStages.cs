using Shifa.Cli.Pipeline.Config;
using Shifa.Cli.Pipeline.Stages;

namespace Shifa.Cli.Pipeline;

/// <summary>The stage list of a configuration, in execution order.</summary>
public static class PipelineStages
{
    /// <summary>Builds the stages for <paramref name="config"/>.</summary>
    public static IReadOnlyList<IPipelineStage> Build(PipelineConfig config)
    {
        var stages = new List<IPipelineStage> { new IngestStage(), new ProfileStage(), new SplitStage() };
        var synthesis = config.Synthesis.Providers.Select(p => new SynthesizeStage(p)).ToList();
        stages.AddRange(synthesis);
        stages.Add(new CurateStage(synthesis.Select(s => s.Key).ToList()));
        stages.Add(new ReviewGateStage());
        if (config.Models.Count > 0 || config.Evaluation.Systems.Count > 0)
        {
            stages.Add(new AblateStage());
        }

        stages.Add(new ReportStage(stages.Select(s => s.Key).ToList()));
        return stages;
    }
}
