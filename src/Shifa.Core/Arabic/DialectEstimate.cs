namespace Shifa.Core.Arabic;

/// <summary>The estimated dialect of a text.</summary>
/// <param name="Dialect">One of <see cref="DialectEstimator.Dialects"/>: <c>msa</c>, <c>egyptian</c>, <c>levantine</c>, <c>gulf</c>, <c>maghrebi</c>.</param>
/// <param name="Confidence">Heuristic confidence in 0..1 (not a calibrated probability).</param>
public sealed record DialectEstimate(string Dialect, double Confidence);
