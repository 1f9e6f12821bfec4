namespace Shifa.Web.Retrieval;

/// <summary>One question–answer pair the retrieval backend may cite.</summary>
/// <param name="RecordId">Record id in the workspace.</param>
/// <param name="Question">Question text.</param>
/// <param name="Answer">Answer text (the reviewer's edit when one exists).</param>
/// <param name="Specialty">Specialty label, if any.</param>
public sealed record VettedAnswer(string RecordId, string Question, string Answer, string? Specialty);
