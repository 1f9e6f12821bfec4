// The sparse features the learned urgency screen reads: folded words and word pairs, letter n-grams
// inside words (Arabic morphology without a stemmer), and the symptom concepts the rules read, alone
// and in pairs, so the model can learn combinations the hand-written rules lack.
namespace Shifa.Web.Safety;

/// <summary>Extracts the binary features of one message. Pure and thread-safe.</summary>
internal static class UrgencyFeatures
{
    /// <summary>Shortest and longest letter n-gram taken inside a word (with word-boundary marks).</summary>
    private const int MinGram = 3;

    private const int MaxGram = 5;

    /// <summary>The distinct features of <paramref name="message"/>.</summary>
    public static HashSet<string> Extract(string message)
    {
        var text = RedFlagDetector.Prepare(message);
        var hits = ConceptTagger.Default.Tag(text, out var tokens);
        var features = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            features.Add("w" + token);
            if (i > 0)
            {
                features.Add("b" + tokens[i - 1] + " " + token);
            }

            var padded = "<" + token + ">";
            for (var n = MinGram; n <= MaxGram; n++)
            {
                for (var s = 0; s + n <= padded.Length; s++)
                {
                    features.Add(string.Concat("g", padded.AsSpan(s, n)));
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
