namespace Shifa.Cli.Pipeline;

/// <summary>
/// One step of <c>shifa run</c>. A stage is skipped when its manifest's input hash, config hash and
/// code version equal the current ones; otherwise it runs, resuming whatever its area persisted.
/// </summary>
public interface IPipelineStage
{
    /// <summary>Manifest key, unique in a run (e.g. <c>ingest</c>, <c>train:tiny/original</c>).</summary>
    string Key { get; }

    /// <summary>Keys of the stages whose outputs this stage reads; their manifests feed its input hash.</summary>
    IReadOnlyList<string> DependsOn { get; }

    /// <summary>One line saying what the stage will do, for the plan.</summary>
    string Describe(PipelineContext context);

    /// <summary>Hash of the stage's own inputs beyond upstream manifests (files it reads), or empty.</summary>
    string OwnInputHash(PipelineContext context);

    /// <summary>Hash of the configuration slice this stage depends on.</summary>
    string ConfigHash(PipelineContext context);

    /// <summary>Estimated spend in US dollars if the stage runs (0 for local work).</summary>
    decimal EstimateCostUsd(PipelineContext context);

    /// <summary>Runs the stage; returns a JSON summary of its outputs for the manifest and report.</summary>
    Task<string> RunAsync(PipelineContext context, CancellationToken cancellationToken);
}
