using Shifa.Core.Splitting;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>Deterministic stratified train/val/test split of the real records.</summary>
internal sealed class SplitStage : IPipelineStage
{
    public string Key => "split";

    public IReadOnlyList<string> DependsOn => ["ingest"];

    public string Describe(PipelineContext context) =>
        $"split real records (val {context.Config.Split.Val:0.##}, test {context.Config.Split.Test:0.##}, seed {context.Config.Split.Seed})";

    public string OwnInputHash(PipelineContext context) => "";

    public string ConfigHash(PipelineContext context) => StageHash.Of(context.Config.Split);

    public decimal EstimateCostUsd(PipelineContext context) => 0;

    public Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        var s = context.Config.Split;
        var summary = StratifiedSplitter.Apply(context.Workspace, new SplitOptions { Seed = s.Seed, Val = s.Val, Test = s.Test });
        context.Log(summary.ToString());
        return Task.FromResult(StageHash.Outputs(summary));
    }
}
