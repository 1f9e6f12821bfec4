using Microsoft.Extensions.Logging;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Providers;

namespace Shifa.Synthesis.Engine;

/// <summary>Everything a synthesis run needs besides the workspace.</summary>
public sealed record RunRequest
{
    /// <summary>The provider to run.</summary>
    public required ProviderSettings Provider { get; init; }

    /// <summary>Prices (the embedded table unless the user gives one).</summary>
    public PriceTable Prices { get; init; } = PriceTable.Default();

    /// <summary>Hard cap on this provider's total recorded spend in the workspace; null for none.</summary>
    public decimal? BudgetUsd { get; init => field = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(BudgetUsd), value, "The budget cannot be negative."); }

    /// <summary>
    /// Hard cap on the workspace's total recorded spend over all providers (earlier runs of any provider
    /// included); null for none. Both caps apply when both are set.
    /// </summary>
    public decimal? TotalBudgetUsd { get; init => field = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(TotalBudgetUsd), value, "The budget cannot be negative."); }

    /// <summary>At most this many items.</summary>
    public int? MaxItems { get; init; }

    /// <summary>Concurrency override (else the provider's setting).</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>Also re-run failed items.</summary>
    public bool RetryFailed { get; init; }

    /// <summary>Logs provider calls (never keys) when set.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Environment lookup for API keys (tests pass their own).</summary>
    public Func<string, string?>? Environment { get; init; }
}
