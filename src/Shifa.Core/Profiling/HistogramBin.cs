namespace Shifa.Core.Profiling;

/// <summary>One histogram bin: values in [<see cref="Lower"/>, <see cref="Upper"/>); the last bin has no upper edge.</summary>
/// <param name="Lower">Inclusive lower edge.</param>
/// <param name="Upper">Exclusive upper edge; <c>null</c> for the open last bin.</param>
/// <param name="Count">Number of values in the bin.</param>
public sealed record HistogramBin(double Lower, double? Upper, int Count);
