namespace Shifa.Synthesis.Prompts;

/// <summary>Result of parsing and validating a generator's output.</summary>
/// <param name="Pairs">The pairs when valid, else empty.</param>
/// <param name="ErrorKind">Null when valid, else one of the <c>ErrorKinds</c> constants.</param>
/// <param name="Error">What is wrong, naming the pair index and field.</param>
public sealed record ParseResult(IReadOnlyList<GeneratedPair> Pairs, string? ErrorKind, string? Error)
{
    /// <summary>True when the output was usable.</summary>
    public bool IsValid => ErrorKind is null;

    /// <summary>A failed result.</summary>
    public static ParseResult Fail(string kind, string error) => new([], kind, error);
}
