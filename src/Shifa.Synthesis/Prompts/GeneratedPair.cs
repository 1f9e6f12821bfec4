namespace Shifa.Synthesis.Prompts;

/// <summary>One question–answer pair as a generator returned it.</summary>
/// <param name="Question">The patient question.</param>
/// <param name="Answer">The doctor answer.</param>
/// <param name="Urgent">True when the answer directs the patient to urgent care (a red flag).</param>
public sealed record GeneratedPair(string Question, string Answer, bool Urgent);
