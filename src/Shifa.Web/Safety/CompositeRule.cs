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
/// <param name="GroupWindows">Per-group distances overriding <paramref name="Window"/> (index 0 unused).</param>
/// <param name="Ordered">When true, every other group's hit must come after the anchor ("أقتل نفسي", not "نفسي ... قتل").</param>
internal sealed record CompositeRule(string Name, RedFlagCategory Category, Cue[][] Groups, SymptomConcept[] Unless, int Window, int[]? GroupWindows = null, bool Ordered = false)
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
                var window = GroupWindows is { } w && g < w.Length && w[g] > 0 ? w[g] : Window;
                all = hits.Any(h => h.Index != anchor.Index && Math.Abs(h.Index - anchor.Index) <= window && (!Ordered || h.Index > anchor.Index) && Accepts(group, h));
            }

            if (all && !hits.Any(h => !h.Negated && Math.Abs(h.Index - anchor.Index) <= GuardReach(h.Concept) && Unless.Contains(h.Concept)))
            {
                return true;
            }
        }

        return false;
    }

    // A figurative cause or a snore trails the phrase it colours by a few words ("كاد نفسي ينقطع من الضحك"),
    // further than the tight windows of the breath and self-harm rules.
    // So does the object an accident happened against ("ضربت راسي بباب الكبت").
    private int GuardReach(SymptomConcept concept) => concept is SymptomConcept.Figurative or SymptomConcept.Snore or SymptomConcept.Smoking or SymptomConcept.Accidental ? Math.Max(Window, 5) : Window;

    // Who and where do not change under a negation: in "مش قادر يحرك رجله" the leg is the object of
    // the negated verb, not a denied symptom. Only symptoms and actions carry polarity.
    private static readonly HashSet<SymptomConcept> Context =
    [
        SymptomConcept.Chest, SymptomConcept.Heart, SymptomConcept.Face, SymptomConcept.Limb, SymptomConcept.Speech, SymptomConcept.Eyes, SymptomConcept.Head,
        SymptomConcept.Neck, SymptomConcept.Throat, SymptomConcept.Tongue, SymptomConcept.Lips, SymptomConcept.Ear, SymptomConcept.Nose, SymptomConcept.Mouth,
        SymptomConcept.Belly, SymptomConcept.Infant, SymptomConcept.Pregnant, SymptomConcept.Fetus, SymptomConcept.Child, SymptomConcept.OtherPerson,
        SymptomConcept.Diabetes, SymptomConcept.Sugar, SymptomConcept.Sudden, SymptomConcept.Medication, SymptomConcept.Household, SymptomConcept.Allergen,
        SymptomConcept.Venomous, SymptomConcept.Ground, SymptomConcept.Height, SymptomConcept.Water, SymptomConcept.Like, SymptomConcept.Hammer,
        SymptomConcept.Extent, SymptomConcept.Blade, SymptomConcept.Cutting, SymptomConcept.SelfObject, SymptomConcept.Air, SymptomConcept.Breath,
        SymptomConcept.Quantity, SymptomConcept.Worst, SymptomConcept.Gas, SymptomConcept.Fit, SymptomConcept.Epilepsy,
        SymptomConcept.Light, SymptomConcept.AtRest, SymptomConcept.Testicle, SymptomConcept.Asthma, SymptomConcept.Electric,
    ];

    private static bool Accepts(Cue[] group, ConceptHit hit)
    {
        foreach (var cue in group)
        {
            if (cue.Concept == hit.Concept && (cue.Negated == hit.Negated || (!cue.Negated && Context.Contains(hit.Concept))))
            {
                return true;
            }
        }

        return false;
    }
}
