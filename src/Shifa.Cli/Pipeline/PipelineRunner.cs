// Plans and executes the stages of `shifa run`, skipping what is up to date (manifests in shifa.db).
using System.Reflection;
using Shifa.Core.Hashing;
using Shifa.Core.Storage;

namespace Shifa.Cli.Pipeline;

/// <summary>Runs stages in order, each only when its inputs, configuration or code changed.</summary>
public sealed class PipelineRunner(IReadOnlyList<IPipelineStage> stages)
{
    /// <summary>Version of the code, part of every manifest: a rebuilt Shifa with other code reruns stages.</summary>
    public static string CodeVersion { get; } =
        typeof(PipelineRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    /// <summary>The stages of this run.</summary>
    public IReadOnlyList<IPipelineStage> Stages { get; } = Validate(stages);

    /// <summary>Computes which stages will run, without running anything.</summary>
    public PipelinePlan Plan(PipelineContext context)
    {
        var manifests = new ManifestStore(context.Workspace);
        var steps = new List<PlanStep>();
        var upstreamHash = new Dictionary<string, string>();
        foreach (var stage in Stages)
        {
            var config = stage.ConfigHash(context);
            // An upstream stage that will run changes this stage's input, so chain the planned hashes, not the stored ones.
            var input = ContentHash.Of([stage.OwnInputHash(context), .. stage.DependsOn.Select(d => upstreamHash[d])]);
            var m = manifests.Get(stage.Key);
            var willRunUpstream = stage.DependsOn.Where(d => steps.First(s => s.Key == d).WillRun).ToList();
            var reason = m is null ? "never ran"
                : willRunUpstream.Count > 0 ? $"after {string.Join(", ", willRunUpstream)}"
                : m.InputHash != input ? "input changed"
                : m.ConfigHash != config ? "config changed"
                : m.CodeVersion != CodeVersion ? "code changed"
                : "";
            var willRun = reason.Length > 0;
            steps.Add(new PlanStep(stage.Key, stage.Describe(context), willRun, reason, input, config, willRun ? stage.EstimateCostUsd(context) : 0));
            // Downstream stages see this stage's identity: its config and input, so an unchanged stage keeps them stable.
            upstreamHash[stage.Key] = ContentHash.Of(stage.Key, input, config, CodeVersion);
        }

        return new PipelinePlan(steps);
    }

    /// <summary>Runs every stage that is not up to date, committing its manifest after it finishes.</summary>
    public async Task<PipelineResult> RunAsync(PipelineContext context, CancellationToken cancellationToken = default)
    {
        var plan = Plan(context);
        var manifests = new ManifestStore(context.Workspace);
        var ran = new List<string>();
        foreach (var step in plan.Steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!step.WillRun)
            {
                continue;
            }

            var stage = Stages.First(s => s.Key == step.Key);
            context.Log($"▶ {stage.Key}: {step.Description}");
            var started = DateTimeOffset.UtcNow;
            // The manifest is invalidated first, so a crash mid-stage can never leave a stale "done".
            manifests.Invalidate(stage.Key);
            var outputs = await stage.RunAsync(context, cancellationToken);
            manifests.Put(new StageManifest(stage.Key, step.InputHash, step.ConfigHash, CodeVersion, outputs, DateTimeOffset.UtcNow));
            context.Log($"✔ {stage.Key} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s)");
            ran.Add(stage.Key);
        }

        return new PipelineResult(plan, ran);
    }

    private static IReadOnlyList<IPipelineStage> Validate(IReadOnlyList<IPipelineStage> stages)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in stages)
        {
            foreach (var d in s.DependsOn)
            {
                if (!seen.Contains(d))
                {
                    throw new ArgumentException($"Stage '{s.Key}' depends on '{d}', which does not come before it.", nameof(stages));
                }
            }

            if (!seen.Add(s.Key))
            {
                throw new ArgumentException($"Stage key '{s.Key}' is used twice.", nameof(stages));
            }
        }

        return stages;
    }
}

/// <summary>Outcome of a run.</summary>
/// <param name="Plan">The plan it executed.</param>
/// <param name="Ran">Keys of the stages that ran.</param>
public sealed record PipelineResult(PipelinePlan Plan, IReadOnlyList<string> Ran);
