namespace Shifa.Synthesis.Pipeline;

/// <summary>A provider call that still failed after retries; keeps the kinds of the failures retried before.</summary>
public sealed class ProviderCallException(string errorKind, IReadOnlyList<string> retried, Exception inner)
    : Exception($"{errorKind} after {retried.Count} retries ({string.Join(", ", retried)}): {inner.Message}", inner)
{
    /// <summary>Kind of the last failure.</summary>
    public string ErrorKind { get; } = errorKind;

    /// <summary>Kinds of the failures that were retried.</summary>
    public IReadOnlyList<string> Retried { get; } = retried;
}
