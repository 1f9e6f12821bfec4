namespace Shifa.Synthesis.Planning;

/// <summary>How work items are shared among specialties.</summary>
public enum QuotaMode
{
    /// <summary>Each specialty gets items in proportion to its share of the seed.</summary>
    Proportional,

    /// <summary>
    /// Each specialty's share is raised to at least <see cref="PlanOptions.FloorShare"/> and the shares
    /// renormalised, so rare specialties get more synthetic data than their seed share.
    /// </summary>
    Flattened,
}
