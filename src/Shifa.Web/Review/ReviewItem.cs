namespace Shifa.Web.Review;

/// <summary>The next record an annotator sees.</summary>
/// <param name="RoundId">Round id.</param>
/// <param name="RecordId">Record id.</param>
/// <param name="Question">Question as stored.</param>
/// <param name="Answer">Answer as stored.</param>
/// <param name="Specialty">Specialty label.</param>
/// <param name="Done">Assignments this annotator finished in the round.</param>
/// <param name="Total">Assignments this annotator has in the round.</param>
public sealed record ReviewItem(int RoundId, string RecordId, string Question, string Answer, string? Specialty, int Done, int Total);
