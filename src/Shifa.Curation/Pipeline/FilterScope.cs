namespace Shifa.Curation.Pipeline;

/// <summary>What a stage's decision on one record may depend on.</summary>
public enum FilterScope
{
    /// <summary>The record, the settings and the reference sets only: decided once for every target, reused while its hash holds.</summary>
    PerRecord,

    /// <summary>Also the other records that reached the stage (within-set dedup): re-decided whenever that set changes.</summary>
    WholeSet,
}
