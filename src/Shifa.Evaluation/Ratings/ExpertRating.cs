namespace Shifa.Evaluation.Ratings;

/// <summary>One expert's score of one system's answer on one criterion (from the review web app).</summary>
/// <param name="RecordId">Test record.</param>
/// <param name="System">System whose answer was rated.</param>
/// <param name="Annotator">Expert id.</param>
/// <param name="Criterion">e.g. accuracy, safety, relevance, fluency.</param>
/// <param name="Score">Rating (e.g. 1–5).</param>
public sealed record ExpertRating(string RecordId, string System, string Annotator, string Criterion, double Score);
