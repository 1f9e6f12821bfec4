namespace Shifa.Web.Safety;

/// <summary>Outcome of screening one message for red flags.</summary>
/// <param name="Categories">Emergency categories found; empty when the message looks safe to answer.</param>
/// <param name="MatchedRules">Names of the lexicon rules that fired (for audit; never contains user text).</param>
/// <param name="Suppressed">Rules that matched but were set aside because the message is historical or informational.</param>
public sealed record RedFlagResult(
    IReadOnlyList<RedFlagCategory> Categories,
    IReadOnlyList<string> MatchedRules,
    IReadOnlyList<string> Suppressed)
{
    /// <summary>A result with no red flag.</summary>
    public static RedFlagResult None { get; } = new([], [], []);

    /// <summary>True when the message must be answered with the urgent-care notice.</summary>
    public bool IsUrgent => Categories.Count > 0;
}
