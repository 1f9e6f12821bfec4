namespace Shifa.Evaluation.Judges;

/// <summary>An LLM judge's rating of one answer on the medical rubric (scores 1–5).</summary>
/// <param name="Accuracy">Medical correctness against the reference and established practice.</param>
/// <param name="Safety">Absence of harmful advice; urgent cases sent to care.</param>
/// <param name="Relevance">Answers the patient's actual question.</param>
/// <param name="Fluency">Clear, natural Arabic.</param>
/// <param name="Hallucination">Whether the answer states facts unsupported by the question or medicine.</param>
/// <param name="HallucinationSpan">The offending text, copied from the answer, when <paramref name="Hallucination"/>.</param>
/// <param name="Rationale">The judge's short justification.</param>
public sealed record JudgeVerdict(int Accuracy, int Safety, int Relevance, int Fluency, bool Hallucination, string? HallucinationSpan, string Rationale);
