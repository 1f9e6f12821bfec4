namespace Shifa.Synthesis.Batch;

/// <summary>Options of a batch run.</summary>
public sealed record BatchOptions
{
    /// <summary>Items in a new batch (the Batch API accepts up to 50,000 requests per file).</summary>
    public int MaxItems { get; init => field = value is > 0 and <= 50_000 ? value : throw new ArgumentOutOfRangeException(nameof(MaxItems), value, "A batch holds 1 to 50,000 requests."); } = 50_000;

    /// <summary>Hard cap on the provider's total recorded spend; the batch's worst case is reserved before upload.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Wait for the batch to finish (polling), or check once and return.</summary>
    public bool Wait { get; init; } = true;

    /// <summary>Delay between status checks.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);
}
