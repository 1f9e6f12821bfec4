// The sparse features the learned urgency screen reads: folded words and word pairs, letter n-grams
// inside words (Arabic morphology without a stemmer), and the symptom concepts the rules read, alone
// and in pairs, so the model can learn combinations the hand-written rules lack. A word the concept
// tagger reads under a negation ("ما عندي ألم") gives other features than the same word affirmed.
namespace Shifa.Web.Safety;

/// <summary>Extracts the binary features of one message. Pure and thread-safe.</summary>
internal static class UrgencyFeatures
{
    /// <summary>Shortest and longest letter n-gram taken inside a word (with word-boundary marks).</summary>
    private const int MinGram = 3;

    private const int MaxGram = 5;

    // Concepts that say who, when or how a message asks, not what is wrong.
    private static readonly HashSet<SymptomConcept> Context =
    [
        SymptomConcept.OtherPerson, SymptomConcept.Child, SymptomConcept.Asking, SymptomConcept.Resolved, SymptomConcept.Figurative,
        SymptomConcept.Prevent, SymptomConcept.Mild, SymptomConcept.Recurrent, SymptomConcept.Period, SymptomConcept.Like,
    ];

    /// <summary>
    /// The distinct features of <paramref name="reading"/>; <paramref name="onlyNegated"/> is true when
    /// the message names symptoms or signs and negates every one ("ما عندي ألم ولا تعرق").
    /// </summary>
    public static HashSet<string> Extract(MessageReading reading, out bool onlyNegated)
    {
        var (_, tokens, hits) = reading;
        var symptoms = hits.Where(h => !Context.Contains(h.Concept)).ToList();
        onlyNegated = symptoms.Count > 0 && symptoms.All(h => h.Negated);
        var negated = hits.Where(h => h.Negated).Select(h => h.Index).ToHashSet();
        var features = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var mark = negated.Contains(i) ? "!" : "";
            features.Add("w" + mark + token);
            if (i > 0)
            {
                features.Add("b" + tokens[i - 1] + " " + token);
            }

            var padded = "<" + token + ">";
            for (var n = MinGram; n <= MaxGram; n++)
            {
                for (var s = 0; s + n <= padded.Length; s++)
                {
                    features.Add(string.Concat("g", mark, padded.AsSpan(s, n)));
                }
            }
        }

        var present = new SortedSet<SymptomConcept>();
        foreach (var hit in hits)
        {
            if (hit.Negated)
            {
                features.Add("n" + hit.Concept);
            }
            else
            {
                features.Add("c" + hit.Concept);
                present.Add(hit.Concept);
            }
        }

        // Concept pairs: "chest + sweat", "infant + fever"; sorted so each pair has one name.
        var concepts = present.ToArray();
        for (var a = 0; a < concepts.Length; a++)
        {
            for (var b = a + 1; b < concepts.Length; b++)
            {
                features.Add("p" + concepts[a] + "|" + concepts[b]);
            }
        }

        return features;
    }
}
