namespace Shifa.Synthesis.Engine;

/// <summary>Progress of a run after each committed item.</summary>
/// <param name="Total">Items this run set out to do.</param>
/// <param name="Done">Items done so far.</param>
/// <param name="Failed">Items failed so far.</param>
/// <param name="Records">Records stored so far.</param>
/// <param name="SpentUsd">Spend of this run so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record RunProgress(int Total, int Done, int Failed, int Records, decimal SpentUsd, TimeSpan Elapsed);
