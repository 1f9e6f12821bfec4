namespace Shifa.Curation.Pipeline;

/// <summary>What one stage did in one run.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="ConfigHash">Hash the stage's decisions were stored under.</param>
/// <param name="Inputs">Records the stage had to cover (all targets for per-record stages, survivors for whole-set ones).</param>
/// <param name="Decided">Records decided in this run (0 when everything was up to date).</param>
/// <param name="Reused">Records whose stored decision was still current.</param>
/// <param name="Dropped">Records among the inputs this stage drops.</param>
/// <param name="Seconds">Wall time of the stage.</param>
public sealed record StageRunSummary(string Stage, string ConfigHash, int Inputs, int Decided, int Reused, int Dropped, double Seconds);
