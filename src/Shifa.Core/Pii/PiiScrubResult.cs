namespace Shifa.Core.Pii;

/// <summary>Text with personal information replaced, and how many items of each kind were replaced.</summary>
/// <param name="Text">The scrubbed text.</param>
/// <param name="Counts">Replacements per kind; kinds with no hit are absent.</param>
public sealed record PiiScrubResult(string Text, IReadOnlyDictionary<PiiKind, int> Counts)
{
    /// <summary>Total number of replacements.</summary>
    public int Total => Counts.Values.Sum();

    /// <summary>The placeholder written for <paramref name="kind"/>, e.g. <c>[PHONE]</c>.</summary>
    public static string Placeholder(PiiKind kind) => kind switch
    {
        PiiKind.Phone => "[PHONE]",
        PiiKind.Email => "[EMAIL]",
        PiiKind.Url => "[URL]",
        PiiKind.Id => "[ID]",
        PiiKind.Name => "[NAME]",
        PiiKind.Doctor => "[DOCTOR]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown PII kind."),
    };
}
