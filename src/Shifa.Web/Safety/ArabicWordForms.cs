// Light Arabic morphology for the safety concept lexicon: peel proclitics, dialect verb particles
// and attached pronouns off a folded word so that one stem covers "بينزف", "نزفت", "وتنزفي"...
namespace Shifa.Web.Safety;

/// <summary>One way to read a word: its stem, whether it was read as a verb, and whether the word itself carries a negation.</summary>
/// <param name="Stem">The word without the clitics and endings peeled off.</param>
/// <param name="Verb">True when read with verb prefixes and endings.</param>
/// <param name="Negated">True when the word carries the fused negation ما…، مـ…ـش ("ماريد", "مقدرش").</param>
internal readonly record struct WordReading(string Stem, bool Verb, bool Negated);

/// <summary>
/// Splits a word folded by <see cref="SafetyText.Fold"/> into candidate stems. A stem is tried as a
/// noun (conjunction, preposition and article in front; pronoun or plural ending behind) and as a
/// verb (also the imperfect person prefix and the dialect particles ب، د، ك، ح، ه، س in front; person
/// and object endings behind). The Egyptian and Maghrebi negation ما/مـ…ـش around a verb and the
/// Gulf and Iraqi ما fused to a verb ("ماريد", "مابي") are reported on the reading.
/// </summary>
internal static class ArabicWordForms
{
    private const int MinStem = 2;

    // Proclitics of nouns: و، ف، ب، ل، ك، the article, the dialect ع (على) and هال (هذا الـ).
    private static readonly HashSet<string> NounPrefixes =
    [
        "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "فلل", "وب", "فب", "ول", "فل", "وك", "ع", "عال", "وع", "وبال", "عل", "بل", "يا", "هال", "بهال", "وهال", "لهال", "فهال",
    ];

    // Attached pronouns and number endings of nouns ("صدري", "صدرو", "نفسا", "حرارتهم", "تشنجات").
    private static readonly string[] NounSuffixes =
    [
        "", "ي", "ه", "ها", "ك", "كي", "كم", "هم", "هن", "نا", "و", "ا", "يا", "ات", "ين", "ان", "ون", "يه", "هما", "اتي", "اته", "اتها", "اتو",
    ];

    // Person, number and object endings of verbs ("لدغتني", "نزفت", "ورموا", "يوجعها", "بيرجعو").
    private static readonly string[] VerbSuffixes =
    [
        "", "ت", "تي", "نا", "وا", "و", "ي", "ين", "ون", "ان", "ني", "ه", "ها", "ك", "هم", "تني", "ته", "تها", "تهم", "تو", "وه", "وها", "وني", "يه", "لي", "له", "لها", "ليه", "لو", "تن", "ن",
    ];

    private static readonly HashSet<string> VerbPrefixes = BuildVerbPrefixes();

    /// <summary>Candidate readings of <paramref name="word"/>; the word itself, as noun and as verb, comes first.</summary>
    public static IReadOnlyList<WordReading> Readings(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var seen = new HashSet<WordReading>();
        var readings = new List<WordReading>();
        void Add(string stem, bool verb, bool negated)
        {
            var r = new WordReading(stem, verb, negated);
            if (stem.Length >= MinStem && seen.Add(r))
            {
                readings.Add(r);
            }
        }

        Add(word, false, false);
        Add(word, true, false);
        Split(word, NounPrefixes, NounSuffixes, false, false, Add);
        Split(word, VerbPrefixes, VerbSuffixes, true, false, Add);

        // A conjunction may come first: "ومصحاش", "وماريد".
        var bare = word.Length > 4 && word[0] is 'و' or 'ف' && word[1] == 'م' ? word[1..] : word;

        // "مقدرش", "ماصحاش", "مابيتحركش": the negation wraps the verb.
        if (bare.Length > 3 && bare.EndsWith('ش') && bare.StartsWith('م'))
        {
            var core = bare.StartsWith("ما", StringComparison.Ordinal) ? bare[2..^1] : bare[1..^1];
            Add(core, true, true);
            Split(core, VerbPrefixes, VerbSuffixes, true, true, Add);
        }
        else if (bare.Length >= 4 && bare.EndsWith('ش') && !bare.StartsWith('م'))
        {
            // "ما أصحاش", "ما قادرش": the ش half of a split negation.
            Add(bare[..^1], true, true);
            Split(bare[..^1], VerbPrefixes, VerbSuffixes, true, true, Add);
            Split(bare[..^1], NounPrefixes, NounSuffixes, false, true, Add);
        }
        else if (bare.Length >= 5 && bare.StartsWith("ما", StringComparison.Ordinal))
        {
            // "ماريد", "مابي", "مايقدر": ما written together with the verb it negates.
            var core = bare[2..];
            Add(core, true, true);
            Split(core, VerbPrefixes, VerbSuffixes, true, true, Add);
        }
        else if (bare.Length >= 5 && bare.StartsWith("مي", StringComparison.Ordinal))
        {
            // Iraqi and Gulf "ميحجي", "ميعرف", "ميوكف": ما shortened to م before the imperfect verb.
            var core = bare[1..];
            Split(core, VerbPrefixes, VerbSuffixes, true, true, Add);
        }

        return readings;
    }

    private static void Split(string word, HashSet<string> prefixes, string[] suffixes, bool verb, bool negated, Action<string, bool, bool> add)
    {
        for (var p = 0; p <= Math.Min(5, word.Length - MinStem); p++)
        {
            if (!prefixes.Contains(word[..p]))
            {
                continue;
            }

            var rest = word[p..];
            foreach (var s in suffixes)
            {
                if (rest.Length - s.Length < MinStem || !rest.EndsWith(s, StringComparison.Ordinal))
                {
                    continue;
                }

                var stem = rest[..^s.Length];
                // ع (على) and ك (like) before a two-letter stem read "عدم" as ع+دم and "كدمة" as
                // ك+دم+ة: ask those prefixes for three letters.
                if (p > 0 && word[p - 1] is 'ع' or 'ك' && stem.Length < 3)
                {
                    continue;
                }

                add(stem, verb, negated);
                // Ta marbuta turns to ت before a pronoun ("حرارتها" → حراره) and gives way to the
                // feminine plural ("طعنات", "نوبات" → طعنه, نوبه).
                if (s.Length > 0 && stem.EndsWith('ت') && !verb)
                {
                    add(stem[..^1] + "ه", false, negated);
                }

                if (s.StartsWith("ات", StringComparison.Ordinal) && !verb)
                {
                    add(stem + "ه", false, negated);
                }
            }
        }
    }

    private static HashSet<string> BuildVerbPrefixes()
    {
        // Conjunction, then a tense or aspect particle (Egyptian/Levantine ب، Iraqi د، Maghrebi ك،
        // future ح/ه/س, subjunctive ل), then the person prefix of the imperfect.
        string[] conj = ["", "و", "ف"];
        string[] particle = ["", "ب", "د", "ك", "ح", "ه", "س", "ل", "را"];
        string[] person = ["", "ا", "ت", "ي", "ن", "يت", "تت", "نت", "ات"];
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in conj)
        {
            foreach (var p in particle)
            {
                foreach (var q in person)
                {
                    set.Add(c + p + q);
                }
            }
        }

        // Egyptian reflexive perfect "اتجرح", "اتعوج" and the ان of "انجرح", "انحرق".
        set.Add("وات");
        set.Add("ان");
        set.Add("وان");
        return set;
    }
}
