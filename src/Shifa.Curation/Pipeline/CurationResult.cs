namespace Shifa.Curation.Pipeline;

/// <summary>Outcome of <see cref="CurationRunner.RunAsync"/>.</summary>
/// <param name="RunId">Row id in <c>curation_runs</c>.</param>
/// <param name="Targets">Records curated.</param>
/// <param name="Kept">Records kept by every stage.</param>
/// <param name="Stages">Per-stage summaries in chain order.</param>
/// <param name="KeptIds">Ids of the kept records, canonical order.</param>
public sealed record CurationResult(long RunId, int Targets, int Kept, IReadOnlyList<StageRunSummary> Stages, IReadOnlyList<string> KeptIds)
{
    /// <summary>Records decided anew across all stages (0 for a run with nothing to do).</summary>
    public int Decided => Stages.Sum(s => s.Decided);
}
