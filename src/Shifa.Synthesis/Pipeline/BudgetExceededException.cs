namespace Shifa.Synthesis.Pipeline;

/// <summary>Thrown before a request whose worst-case cost would take spend past the budget.</summary>
public sealed class BudgetExceededException(decimal capUsd, decimal committedUsd, decimal requestUsd)
    : Exception($"Budget of ${capUsd:0.####} reached: ${committedUsd:0.####} spent or reserved, the next request may cost up to ${requestUsd:0.####}. Raise --budget to continue.")
{
    /// <summary>The cap.</summary>
    public decimal CapUsd { get; } = capUsd;

    /// <summary>Spent plus reserved when the request was refused.</summary>
    public decimal CommittedUsd { get; } = committedUsd;
}
