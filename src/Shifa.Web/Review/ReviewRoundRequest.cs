namespace Shifa.Web.Review;

/// <summary>What an admin asks for when creating a review round.</summary>
/// <param name="Name">Round name.</param>
/// <param name="Margin">Margin of error for the acceptance rate (0.05 = ±5%).</param>
/// <param name="Confidence">Confidence level (0.95).</param>
/// <param name="Overlap">Fraction of sampled records reviewed by a second annotator (0..1).</param>
/// <param name="Annotators">User names of the annotators.</param>
/// <param name="Seed">Random seed of the sample and assignment.</param>
/// <param name="CreatedBy">Admin who created the round.</param>
public sealed record ReviewRoundRequest(string Name, double Margin, double Confidence, double Overlap, IReadOnlyList<string> Annotators, int Seed, string CreatedBy);
