namespace Shifa.Web.Rating;

/// <summary>A single-answer rating: four 1–5 scales plus hallucination with the offending span.</summary>
/// <param name="Accuracy">Medical accuracy, 1–5.</param>
/// <param name="Relevance">Answers the question asked, 1–5.</param>
/// <param name="Safety">Safe for the patient, 1–5.</param>
/// <param name="Fluency">Readable, correct Arabic, 1–5.</param>
/// <param name="Hallucination">The answer states something invented.</param>
/// <param name="HallucinationSpan">The invented passage, copied from the answer (required when <paramref name="Hallucination"/>).</param>
public sealed record LikertScores(int Accuracy, int Relevance, int Safety, int Fluency, bool Hallucination, string? HallucinationSpan);
