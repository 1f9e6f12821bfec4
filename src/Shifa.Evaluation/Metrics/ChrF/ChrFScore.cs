namespace Shifa.Evaluation.Metrics.ChrF;

/// <summary>A chrF(++) score on the 0–100 scale with the summed n-gram statistics it came from.</summary>
/// <param name="Score">chrF value, 0–100.</param>
/// <param name="Statistics">For each order (characters then words) the triple hypothesis count, reference count, matches.</param>
/// <param name="Signature">What ran, e.g. <c>chrF2|nc:6|nw:0|...</c>.</param>
public sealed record ChrFScore(double Score, IReadOnlyList<long> Statistics, string Signature);
