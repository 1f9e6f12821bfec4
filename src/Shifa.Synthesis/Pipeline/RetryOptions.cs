namespace Shifa.Synthesis.Pipeline;

/// <summary>Retry and timeout settings of <see cref="RetryingChatClient"/>.</summary>
public sealed record RetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init => field = value is >= 0 and <= 50 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, "Use 0 to 50 retries."); } = 6;

    /// <summary>First backoff delay; doubled each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts, also caps a server's Retry-After.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);
}
