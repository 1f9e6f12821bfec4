namespace Shifa.Web.Review;

/// <summary>Agreement in one round over records reviewed by more than one annotator.</summary>
/// <param name="OverlapItems">Records with two or more reviews.</param>
/// <param name="CohenKappa">Cohen's κ over records with exactly two reviews (NaN when none).</param>
/// <param name="FleissKappa">Fleiss' κ over records with the most common number of reviews, when that is three or more (NaN otherwise).</param>
/// <param name="Disagreements">Record ids whose reviewers disagree and that no one has adjudicated.</param>
public sealed record RoundAgreement(int OverlapItems, double CohenKappa, double FleissKappa, IReadOnlyList<string> Disagreements);
