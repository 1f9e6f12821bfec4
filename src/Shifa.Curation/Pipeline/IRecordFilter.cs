namespace Shifa.Curation.Pipeline;

/// <summary>
/// One stage of the curation chain: a pure decision (keep/drop, reason, score) for each record it is given.
/// Same records + same <see cref="StageIdentity.Fingerprint"/> + same reference sets must give the same decisions.
/// </summary>
public interface IRecordFilter
{
    /// <summary>Name, scope and settings fingerprint.</summary>
    StageIdentity Identity { get; }

    /// <summary>Decides every record of <paramref name="batch"/>; returns exactly one decision per record.</summary>
    ValueTask<IReadOnlyList<FilterDecision>> DecideAsync(FilterBatch batch, CancellationToken ct = default);
}
