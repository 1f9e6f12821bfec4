using Shifa.Web.Review;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>
/// With <c>review.gate = wait</c>, stops the run after curation until experts have completed a
/// validation round, so training only sees data whose acceptance rate is known; with <c>skip</c> it passes.
/// </summary>
internal sealed class ReviewGateStage : IPipelineStage
{
    public string Key => "review-gate";

    public IReadOnlyList<string> DependsOn => ["curate"];

    public string Describe(PipelineContext context) => context.Config.Review.Gate == "wait"
        ? "wait for a completed expert validation round"
        : "expert validation gate skipped (review.gate = skip)";

    // Review progress happens in the web app: it is this stage's input.
    public string OwnInputHash(PipelineContext context) =>
        context.Config.Review.Gate == "wait" ? StageHash.Of(new ReviewStore(context.Workspace).Rounds()) : "";

    public string ConfigHash(PipelineContext context) => StageHash.Of(context.Config.Review);

    public decimal EstimateCostUsd(PipelineContext context) => 0;

    public Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (context.Config.Review.Gate != "wait")
        {
            return Task.FromResult(StageHash.Outputs(new { Gate = "skip" }));
        }

        var done = new ReviewStore(context.Workspace).Rounds().Where(r => r.SampleSize > 0 && r.Reviewed >= r.SampleSize).ToList();
        if (done.Count == 0)
        {
            throw new PipelinePausedException(
                "waiting for expert validation: no review round is complete. Run 'shifa serve --workspace " + context.Workspace.Root +
                "', create a round on the admin page and let annotators finish it, then run 'shifa run' again (finished stages are skipped).");
        }

        context.Log($"review gate: {done.Count} completed round(s): {string.Join(", ", done.Select(r => r.Name))}");
        return Task.FromResult(StageHash.Outputs(new { Gate = "wait", Rounds = done.Select(r => r.Id) }));
    }
}
