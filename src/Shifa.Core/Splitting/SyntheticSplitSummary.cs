namespace Shifa.Core.Splitting;

/// <summary>Where the synthetic (LLM and offline-augmented) records stand after <see cref="SyntheticSplitRule.Apply"/>.</summary>
/// <param name="Train">Accepted by curation (and review, where it ran) and grounded only on train exemplars: in train.</param>
/// <param name="NotCurated">Not yet curated: no split until curation has decided them.</param>
/// <param name="Rejected">Dropped by a curation filter or an expert: no split.</param>
/// <param name="HeldOutExemplar">Grounded on a val or test exemplar: no split, flagged with a decision so nothing trains on them.</param>
public sealed record SyntheticSplitSummary(int Train, int NotCurated, int Rejected, int HeldOutExemplar)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"synthetic: {Train} in train, {NotCurated} not curated yet, {Rejected} rejected, {HeldOutExemplar} grounded on val/test exemplars (held out)";
}
