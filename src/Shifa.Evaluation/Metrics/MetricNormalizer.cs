// Optional text normalization applied to hypotheses and references before any string metric.
namespace Shifa.Evaluation.Metrics;

/// <summary>
/// A named text normalization (for example Shifa's Arabic matching normalizer) applied to both
/// sides before scoring. The name goes into the metric signature so a score says how it was made.
/// </summary>
/// <param name="Name">Short name written into signatures, e.g. <c>ar-match</c>.</param>
/// <param name="Apply">The normalization function.</param>
public sealed record MetricNormalizer(string Name, Func<string, string> Apply)
{
    /// <summary>Applies the normalizer when one is given; returns the text unchanged otherwise.</summary>
    public static string Run(MetricNormalizer? normalizer, string text) =>
        normalizer is null ? text : normalizer.Apply(text);

    /// <summary>Signature fragment: the normalizer name or <c>none</c>.</summary>
    public static string SignatureOf(MetricNormalizer? normalizer) => normalizer?.Name ?? "none";
}
