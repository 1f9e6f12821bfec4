namespace Shifa.Web.Rating;

/// <summary>A question with one answer (Likert rating) or two answers from different systems (blind side-by-side).</summary>
/// <param name="Id">Item id.</param>
/// <param name="Question">The question asked.</param>
/// <param name="SystemA">System that produced <paramref name="AnswerA"/> (never shown to raters).</param>
/// <param name="AnswerA">First answer.</param>
/// <param name="SystemB">Second system, null for a single-answer item.</param>
/// <param name="AnswerB">Second answer, null for a single-answer item.</param>
public sealed record RatingItem(string Id, string Question, string SystemA, string AnswerA, string? SystemB = null, string? AnswerB = null)
{
    /// <summary>True for a side-by-side item.</summary>
    public bool IsPairwise => SystemB is not null && AnswerB is not null;
}
