namespace Shifa.Curation.Reporting;

/// <summary>Counts of one stage, from the decisions table.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="Decided">Targets holding a decision of this stage.</param>
/// <param name="Kept">Of those, kept.</param>
/// <param name="Dropped">Of those, dropped (a record may fail several stages).</param>
/// <param name="FirstDrops">Records for which this is the first failing stage in chain order; these sum to all drops.</param>
/// <param name="Reasons">Drop reasons with counts.</param>
/// <param name="Seconds">Wall time in the run.</param>
/// <param name="ConfigHash">Hash the decisions were made under.</param>
public sealed record StageCounts(string Stage, int Decided, int Kept, int Dropped, int FirstDrops, IReadOnlyDictionary<string, int> Reasons, double Seconds, string ConfigHash);
