namespace Shifa.Curation.Pipeline;

/// <summary>
/// One stage's verdict on one record. <paramref name="Reason"/> is a short stable code
/// (<c>ok</c>, <c>too-short-answer</c>, <c>near-duplicate-of-seed</c>...) so counts group by it;
/// <paramref name="MatchedId"/> names the other record for duplicate and leakage drops.
/// </summary>
/// <param name="RecordId">The record decided.</param>
/// <param name="Keep">True to keep.</param>
/// <param name="Reason">Why; never empty, for keeps too.</param>
/// <param name="Score">The measured value the threshold was applied to, when there is one.</param>
/// <param name="MatchedId">The record this one duplicates or leaks, when there is one.</param>
public sealed record FilterDecision(string RecordId, bool Keep, string Reason, double? Score = null, string? MatchedId = null)
{
    /// <summary>A keep with reason <c>ok</c>.</summary>
    public static FilterDecision Ok(string id, double? score = null) => new(id, true, "ok", score);

    /// <summary>A drop with the given reason.</summary>
    public static FilterDecision Drop(string id, string reason, double? score = null, string? matchedId = null) => new(id, false, reason, score, matchedId);
}
