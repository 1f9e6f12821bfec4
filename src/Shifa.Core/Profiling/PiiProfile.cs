namespace Shifa.Core.Profiling;

/// <summary>What <see cref="Pii.PiiScrubber"/> finds in the stored question and answer texts.</summary>
/// <param name="HitsByKind">Replacements per kind (every <see cref="Pii.PiiKind"/> listed, zeros included), questions and answers together.</param>
/// <param name="RecordsWithPii">Records with at least one hit.</param>
public sealed record PiiProfile(IReadOnlyDictionary<string, int> HitsByKind, int RecordsWithPii);
