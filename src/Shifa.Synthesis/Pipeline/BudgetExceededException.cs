namespace Shifa.Synthesis.Pipeline;

/// <summary>Thrown before a request whose worst-case cost would take spend past a budget.</summary>
public sealed class BudgetExceededException(decimal capUsd, decimal committedUsd, decimal requestUsd, bool acrossProviders = false)
    : Exception(acrossProviders
        ? $"Budget of ${capUsd:0.####} for all providers together reached: ${committedUsd:0.####} spent or reserved by all providers, the next request may cost up to ${requestUsd:0.####}. Raise synthesis.budgetUsd (or --total-budget) to continue."
        : $"Budget of ${capUsd:0.####} reached: ${committedUsd:0.####} spent or reserved, the next request may cost up to ${requestUsd:0.####}. Raise --budget to continue.")
{
    /// <summary>The cap.</summary>
    public decimal CapUsd { get; } = capUsd;

    /// <summary>Spent plus reserved when the request was refused.</summary>
    public decimal CommittedUsd { get; } = committedUsd;

    /// <summary>True when the cap is the total over all providers, false when it is this provider's own.</summary>
    public bool AcrossProviders { get; } = acrossProviders;
}
