namespace Shifa.Curation.Reporting;

/// <summary>Counts for one provider (<c>(real)</c> for records without one).</summary>
/// <param name="Provider">Provider name.</param>
/// <param name="Targets">Records curated.</param>
/// <param name="Kept">Records kept.</param>
/// <param name="FirstDropsByStage">Drops attributed to their first failing stage.</param>
public sealed record ProviderCounts(string Provider, int Targets, int Kept, IReadOnlyDictionary<string, int> FirstDropsByStage);
