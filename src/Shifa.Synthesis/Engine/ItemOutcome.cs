using Shifa.Core.Records;
using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Engine;

/// <summary>What a generator produced for one work item; committed in one transaction.</summary>
/// <param name="Item">The item.</param>
/// <param name="Status">Done or failed.</param>
/// <param name="Model">Model that answered (null for failures before any response).</param>
/// <param name="Records">Records produced (empty when failed).</param>
/// <param name="Attempts">Every response or failed call, in order.</param>
/// <param name="ErrorKind">Why the item failed.</param>
/// <param name="Error">Human-readable failure reason.</param>
public sealed record ItemOutcome(
    WorkItem Item,
    ItemStatus Status,
    string? Model,
    IReadOnlyList<QaRecord> Records,
    IReadOnlyList<AttemptRecord> Attempts,
    string? ErrorKind = null,
    string? Error = null);
