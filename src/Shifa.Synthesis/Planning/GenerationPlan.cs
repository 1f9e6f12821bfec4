namespace Shifa.Synthesis.Planning;

/// <summary>A deterministic list of work items and the per-specialty quotas it was built from.</summary>
/// <param name="Items">Items in run order.</param>
/// <param name="Quotas">Items per specialty key.</param>
/// <param name="SeedShares">Share of each specialty key in the seed (0..1).</param>
/// <param name="Hash">Hash of all item ids in order: equal hashes mean equal plans.</param>
public sealed record GenerationPlan(
    IReadOnlyList<WorkItem> Items,
    IReadOnlyDictionary<string, int> Quotas,
    IReadOnlyDictionary<string, double> SeedShares,
    string Hash);
