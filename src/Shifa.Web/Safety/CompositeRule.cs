// A red-flag rule written over symptom concepts instead of phrases: it fires when every group has a
// concept hit close enough to the first group's hit, in the required polarity, and no cancelling
// concept sits nearby ("خفيف", "بالغلط").
namespace Shifa.Web.Safety;

/// <summary>One concept in a rule group; <paramref name="Negated"/> asks for the mention to be negated ("ما يتنفس").</summary>
internal readonly record struct Cue(SymptomConcept Concept, bool Negated);

/// <summary>
/// Fires when, for some hit of the first group, every other group has a hit at another word within
/// <paramref name="Window"/> words of it, and no <paramref name="Unless"/> concept (not negated) lies in
/// that window.
/// </summary>
/// <param name="Name">Stable rule name used in audit logs.</param>
/// <param name="Category">Emergency category the rule signals.</param>
/// <param name="Groups">All-of list of any-of cue groups; the first group anchors the window.</param>
/// <param name="Unless">Concepts that cancel the rule near the anchor.</param>
/// <param name="Window">Largest distance in words from the anchor.</param>
internal sealed record CompositeRule(string Name, RedFlagCategory Category, Cue[][] Groups, SymptomConcept[] Unless, int Window)
{
    /// <summary>True when the rule fires on <paramref name="hits"/> (sorted by word index).</summary>
    public bool Matches(IReadOnlyList<ConceptHit> hits)
    {
        foreach (var anchor in hits)
        {
            if (!Accepts(Groups[0], anchor))
            {
                continue;
            }

            var all = true;
            for (var g = 1; g < Groups.Length && all; g++)
            {
                var group = Groups[g];
                all = hits.Any(h => h.Index != anchor.Index && Math.Abs(h.Index - anchor.Index) <= Window && Accepts(group, h));
            }

            if (all && !hits.Any(h => !h.Negated && Math.Abs(h.Index - anchor.Index) <= Window && Unless.Contains(h.Concept)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Accepts(Cue[] group, ConceptHit hit)
    {
        foreach (var cue in group)
        {
            if (cue.Concept == hit.Concept && cue.Negated == hit.Negated)
            {
                return true;
            }
        }

        return false;
    }
}
