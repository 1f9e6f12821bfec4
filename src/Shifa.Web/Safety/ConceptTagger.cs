// Tags each word of a folded message with the symptom concepts its stem carries, and marks the
// mentions that sit under a negation ("ما يتنفس", "مقدرش أتكلم", "عدم القدرة على الكلام").

namespace Shifa.Web.Safety;

/// <summary>One concept found at a word position; <paramref name="Negated"/> when a negation or an impairment word governs it.</summary>
internal readonly record struct ConceptHit(SymptomConcept Concept, int Index, bool Negated);

/// <summary>Finds <see cref="ConceptLexicon"/> concepts in folded text. Pure and thread-safe.</summary>
internal sealed class ConceptTagger
{
    private static readonly HashSet<string> Negators = FoldedSet(
    [
        "لا", "ما", "مش", "مو", "مب", "ليس", "ليست", "لم", "لن", "لست", "بدون", "دون", "بلا", "مافي", "ماكو", "مفيش", "مافيش", "ولا", "ولم", "ولن", "وما", "ومش", "ومو", "ماهو", "مهو",
        "ماعاد", "ماعادش", "ماله", "مالها", "مالي", "ماليش", "ملهاش", "ملوش", "مالوش", "مافيه", "مافيها", "معدش", "مابقاش", "مبقاش", "مابقيتش", "مبقتش", "مابقتش", "ماني", "مانيش", "موب", "مهوش", "ماهيش", "مكانش", "ماكانش", "بطل", "ماعدت", "غير", "مبطل", "مبطله", "بطلت",
    ]);

    // Words that say an ability is missing or hard: "عدم القدرة على الكلام", "صعوبة في التنفس", "يكاد لا".
    private static readonly HashSet<string> Impairment = FoldedSet(["عدم", "صعوبه", "فقدان", "فقد", "فقدت", "قله", "بالكاد", "يكاد", "تكاد", "بصعوبه", "بالعافيه", "وصعوبه", "وعدم", "مافيه", "مافيها"]);

    // Verbs of ability and will that a fused negation passes on to the next word ("مايقدر يتنفس", "مقدرش أتكلم").
    private static readonly HashSet<string> Modals = FoldedSet(["قدر", "كدر", "عرف", "بي", "ريد", "بد", "بدي", "بغي", "حس", "عاد", "عد", "بقي", "بقا", "صار", "قادر", "عارف", "حاس", "حاسس", "فيه", "في"]);

    // A thought or intention noun sits between a denial and its verb ("ما عندي أي فكرة أأذي حالي").
    private static readonly HashSet<string> Fillers = FoldedSet(["أي", "اي", "ايه", "شي", "شيء", "حتى", "أبدا", "ابدا", "نهائيا", "خالص", "عم", "قاعد", "قاعده", "فكره", "افكار", "نيه", "نية"]);

    // Concepts whose absence is the danger: a negation reaches them through modal verbs.
    private static readonly HashSet<SymptomConcept> Actions =
    [
        SymptomConcept.Breathe, SymptomConcept.Move, SymptomConcept.Speak, SymptomConcept.See, SymptomConcept.Walk, SymptomConcept.Grip, SymptomConcept.Lift,
        SymptomConcept.Recognise, SymptomConcept.Respond, SymptomConcept.Answer, SymptomConcept.Feel, SymptomConcept.Feed, SymptomConcept.Stop, SymptomConcept.Wake,
        SymptomConcept.Live, SymptomConcept.Reason, SymptomConcept.Enter, SymptomConcept.Speaking, SymptomConcept.Continue, SymptomConcept.Bend, SymptomConcept.Helps,
        SymptomConcept.Endure, SymptomConcept.Fade, SymptomConcept.Swallow, SymptomConcept.Wet, SymptomConcept.Stool,
    ];

    private static readonly HashSet<string> ScopeBreakers = FoldedSet(["بس", "لكن", "ولكن", "بل", "لاكن", "اما", "وبعدين", "ثم", "بعدها"]);

    // Idioms and lab or condition names whose words must not be read as symptoms.
    private static readonly string[][] Masks = FoldedPhrases(
    [
        "منع الحمل", "موانع الحمل", "اختبار الحمل", "اختبار حمل", "تحليل الحمل", "تحليل حمل", "قوه دم", "قوه الدم", "قوه دمي", "تسمم الحمل", "سكري الحمل", "سكر الحمل", "عرق النسا", "ضغط الدم", "ضغط دم", "فقر الدم", "فقر دم", "سكر الدم", "سكر في الدم",
        "السكر في الدم", "نقص الدم", "فصيله الدم", "فصيله دم", "تحليل دم", "تحليل الدم", "فحص دم", "فحص الدم", "كريات الدم", "دهون الدم", "تسمم غذائي", "تسمم الدم", "فصيله دمي", "فصيله دمه", "فصيله دمها", "زمره دم", "زمره الدم", "فصيلتي", "نسبه الدم", "نسبه السكر", "شد عضلي", "تشنج عضلي", "تشنج العضلات",
        "تشنجات عضليه", "القولون العصبي", "قولون عصبي", "قلبي مكسور", "قلبي مجروح", "جرحني", "جرح مشاعري", "نزله برد", "ضغط العين", "ضغط نفسي", "ضغط الشغل", "ضغط العمل", "ضغوط", "من الجوع", "من التعب",
        "من البرد", "من الحر", "من الملل", "من الزهق", "الضغط النفسي", "دم خفيف", "دمه خفيف", "دمها خفيف", "دمه تقيل", "دمه ثقيل", "حبوب الشباب", "حب الشباب", "حبوب في وجهي", "حبوب بوجهي", "حبوب بالوجه", "مخنوق من", "مخنوقه من", "حرق الدهون", "حرق دهون", "حرق السعرات", "عرق السوس",
    ]);

    private readonly Dictionary<string, List<Entry>> _nouns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _verbs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _exact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _blocked;

    /// <summary>Compiles <see cref="ConceptLexicon.Entries"/>.</summary>
    public ConceptTagger()
    {
        _blocked = FoldedSet(ConceptLexicon.Blocked);
        var writtenVerbs = FirstWords(raw => raw.StartsWith("v:", StringComparison.Ordinal), 2);
        var writtenNouns = FirstWords(raw => !raw.StartsWith("v:", StringComparison.Ordinal) && !raw.StartsWith('='), 0);
        foreach (var (concept, raws) in ConceptLexicon.Entries)
        {
            foreach (var raw in raws)
            {
                var (dict, body) = raw.StartsWith("v:", StringComparison.Ordinal) ? (_verbs, raw[2..])
                    : raw.StartsWith('=') ? (_exact, raw[1..]) : (_nouns, raw);
                var words = SafetyText.Fold(body).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    throw new InvalidOperationException($"Concept lexicon entry '{raw}' of {concept} is empty after folding.");
                }

                // A variant never takes over a stem the lexicon writes itself: حرق→حرك would read "يتحرك" as a burn.
                var written = dict == _verbs ? writtenVerbs : writtenNouns;
                foreach (var head in SpellingVariants(words[0], dict == _verbs).Where(h => h == words[0] || !written.Contains(h)))
                {
                    if (!dict.TryGetValue(head, out var list))
                    {
                        dict[head] = list = [];
                    }

                    if (!list.Any(e => e.Concept == concept && e.Rest.SequenceEqual(words[1..])))
                    {
                        list.Add(new Entry(concept, words[1..]));
                    }
                }
            }
        }
    }

    // Colloquial spellings of the interdental and emphatic letters (ثقيل→تقيل, ذراع→دراع,
    // ظهر→ضهر) and, for verbs, the Iraqi and Gulf ك for ق (يختنق→يختنك, وقع→وكع).
    private static IEnumerable<string> SpellingVariants(string stem, bool verb)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal) { stem };
        var colloquial = stem.Replace('ث', 'ت').Replace('ذ', 'د').Replace('ظ', 'ض');
        variants.Add(colloquial);
        if (verb)
        {
            variants.Add(stem.Replace('ق', 'ك'));
            variants.Add(colloquial.Replace('ق', 'ك'));
        }

        return variants;
    }

    /// <summary>Shared instance.</summary>
    public static ConceptTagger Default { get; } = new();

    /// <summary>Concept hits of <paramref name="folded"/> (a <see cref="SafetyText.Fold"/> result), in word order.</summary>
    public List<ConceptHit> Tag(string folded, out string[] tokens)
    {
        tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var masked = MaskedPositions(tokens);
        var readings = new IReadOnlyList<WordReading>[tokens.Length];
        var selfNegated = new bool[tokens.Length];
        var clauseStart = new bool[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            readings[i] = ArabicWordForms.Readings(tokens[i]);
            clauseStart[i] = tokens[i].Length > 3 && tokens[i][0] == 'و' && !Negators.Contains(tokens[i]) && !Impairment.Contains(tokens[i])
                && readings[i].Any(r => r.Verb && !r.Negated && r.Stem.Length >= 3 && _verbs.ContainsKey(r.Stem));
            selfNegated[i] = readings[i].Any(r => r.Negated && (Modals.Contains(r.Stem) || IsKnown(r.Stem))) && !readings[i].Any(r => !r.Negated && r.Stem.Length >= 3 && IsKnown(r.Stem));
        }

        var hits = new List<ConceptHit>();
        var seen = new HashSet<(SymptomConcept, int)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (masked[i] || _blocked.Contains(tokens[i]) || readings[i].Any(r => !r.Verb && _blocked.Contains(r.Stem)))
            {
                continue;
            }

            foreach (var (entry, negatedReading) in Candidates(tokens[i], readings[i]))
            {
                if (!FollowersMatch(entry.Rest, tokens, readings, i + 1) || !seen.Add((entry.Concept, i)))
                {
                    continue;
                }

                var reach = Actions.Contains(entry.Concept) ? 4 : 2;
                hits.Add(new ConceptHit(entry.Concept, i, negatedReading || IsNegated(tokens, selfNegated, clauseStart, i, reach)));
            }

            MeasurementReader.AddNumberConcepts(tokens, i, hits, seen);
        }

        // "من شوية" is "a little while ago", not "a little".
        var words = tokens;
        hits.RemoveAll(h => h.Concept == SymptomConcept.Mild && h.Index > 0 && words[h.Index - 1] is "من" or "قبل" or "منذ");

        // "دورتها متأخرة" is a late period (a possible pregnancy), not a period's cramps.
        var late = hits.Where(h => h.Concept == SymptomConcept.Pregnant).Select(h => h.Index).ToHashSet();
        hits.RemoveAll(h => h.Concept == SymptomConcept.Period && late.Contains(h.Index));

        // "صغيري" (my little one) names a child; it does not make the symptom small.
        hits.RemoveAll(h => h.Concept == SymptomConcept.Mild && words[h.Index] is "صغيري" or "صغيرتي" or "صغيرنا" or "صغيرتنا" or "صغيرها" or "صغيرتها" or "وصغيري");

        // "ورا بعض" is "one after another", not "some".
        hits.RemoveAll(h => h.Concept == SymptomConcept.Mild && h.Index > 0 && words[h.Index - 1] is "ورا" or "وراء" or "بعد" or "تلو");

        // "نقط سودا" in the sight are spots, not "a few drops".
        var spots = hits.Where(h => h.Concept == SymptomConcept.Blur).Select(h => h.Index).ToHashSet();
        hits.RemoveAll(h => h.Concept == SymptomConcept.Mild && spots.Contains(h.Index));
        hits.Sort((a, b) => a.Index.CompareTo(b.Index));
        return hits;
    }

    // Plain readings first, so that a word read both ways ("ماسكه": holding / not ...) keeps the plain sense.
    private IEnumerable<(Entry Entry, bool Negated)> Candidates(string token, IReadOnlyList<WordReading> readings)
    {
        if (_exact.TryGetValue(token, out var exact))
        {
            foreach (var e in exact)
            {
                yield return (e, false);
            }
        }

        foreach (var r in readings.OrderBy(r => r.Negated))
        {
            if ((r.Verb ? _verbs : _nouns).TryGetValue(r.Stem, out var list))
            {
                foreach (var e in list)
                {
                    yield return (e, r.Negated);
                }
            }
        }
    }

    private bool IsKnown(string stem) => _verbs.ContainsKey(stem) || _nouns.ContainsKey(stem);

    private static bool FollowersMatch(string[] rest, string[] tokens, IReadOnlyList<WordReading>[] readings, int start)
    {
        for (var k = 0; k < rest.Length; k++)
        {
            var j = start + k;
            // "فاقدا للوعي" for the entry "فاقد الوعي": a follower may carry another article or preposition.
            var bare = rest[k].StartsWith("ال", StringComparison.Ordinal) && rest[k].Length > 3 ? rest[k][2..] : rest[k];
            if (j >= tokens.Length || (tokens[j] != rest[k] && !readings[j].Any(r => r.Stem == rest[k] || r.Stem == bare)))
            {
                return false;
            }
        }

        return true;
    }

    // A negator or impairment word up to `reach` words back (fillers such as "أي" not counted), not
    // across "بس"/"لكن"; an impairment adverb just after ("يتنفس بصعوبة", "بيتكلم بالعافية").
    // Actions reach further ("ما عم يقدر يتنفس") than symptoms, where a far ما is often a relative
    // pronoun ("لا تفهم ما نقوله وفمها منحرف").
    // "ضيق تنفس" names a symptom: the breathing word takes the phrase's polarity, not that of a far
    // negator ("دون أي تورم أو ضيق تنفس" denies the difficulty, it does not say breathing stopped).
    // A verb joined by و opens a new clause the negation before it does not reach ("ما نمت وأفكر أنهي كل شي").
    private static bool IsNegated(string[] tokens, bool[] selfNegated, bool[] clauseStart, int i, int reach)
    {
        if (i > 0 && tokens[i - 1] is "ضيق" or "وضيق" or "ضيقه" or "وضيقه")
        {
            return false;
        }

        // A symptom or wish verb joined by و starts its own clause; actions keep a shared negation
        // ("ما يقدر ياكل ويشرب").
        if (clauseStart[i] && reach < 4)
        {
            return false;
        }

        var counted = 0;
        for (var k = i - 1; k >= 0 && counted < reach; k--)
        {
            if (ScopeBreakers.Contains(tokens[k]) || clauseStart[k])
            {
                break;
            }

            if (!Fillers.Contains(tokens[k]))
            {
                counted++;
            }

            if ((Negators.Contains(tokens[k]) && !IsInterrogative(tokens, k)) || Impairment.Contains(tokens[k]) || (selfNegated[k] && k == i - 1))
            {
                return true;
            }
        }

        for (var k = i + 1; k <= Math.Min(tokens.Length - 1, i + 2); k++)
        {
            if (tokens[k] is "بصعوبه" or "بالعافيه" or "بالكاد" or "بالزور" or "بالموت")
            {
                return true;
            }
        }

        return false;
    }

    // "ما هي أعراض…", "ما الفرق…", "ما سبب…": ما asks, it does not negate.
    private static bool IsInterrogative(string[] tokens, int k)
    {
        if (tokens[k] is not ("ما" or "وما") || k + 1 >= tokens.Length)
        {
            return false;
        }

        // "بعد ما أكلت", "قبل ما", "زي ما", "كل ما": ما joins a clause, it does not negate.
        if (k > 0 && tokens[k - 1] is "بعد" or "قبل" or "زي" or "مثل" or "متل" or "كل" or "عند" or "لحد" or "لين" or "وبعد")
        {
            return true;
        }

        var next = tokens[k + 1];
        return next.StartsWith("ال", StringComparison.Ordinal) || next is "هو" or "هي" or "هم" or "سبب" or "اسباب" or "علاج" or "اعراض" or "علامات" or "افضل" or "معني" or "نوع" or "انواع" or "فايده" or "فوايد" or "دور" or "مدي" or "طريقه" or "مده" or "بعد" or "قبل" or "بين" or "يخص";
    }

    private static bool[] MaskedPositions(string[] tokens)
    {
        var masked = new bool[tokens.Length];
        foreach (var mask in Masks)
        {
            for (var i = 0; i + mask.Length <= tokens.Length; i++)
            {
                var match = true;
                for (var k = 0; k < mask.Length && match; k++)
                {
                    var t = tokens[i + k];
                    // The first word may carry a proclitic ("وضغط الدم", "بمنع الحمل").
                    match = t == mask[k] || (k == 0 && t.Length > mask[k].Length && t.EndsWith(mask[k], StringComparison.Ordinal) && t.Length - mask[k].Length <= 2);
                }

                if (match)
                {
                    for (var k = 0; k < mask.Length; k++)
                    {
                        masked[i + k] = true;
                    }
                }
            }
        }

        return masked;
    }

    private static HashSet<string> FirstWords(Func<string, bool> kind, int skip) =>
        ConceptLexicon.Entries.Values.SelectMany(v => v).Where(kind)
            .Select(raw => SafetyText.Fold(raw[skip..]).Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "")
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> FoldedSet(IEnumerable<string> words) =>
        words.Select(w => SafetyText.Fold(w).Trim()).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static string[][] FoldedPhrases(string[] phrases) =>
        phrases.Select(p => SafetyText.Fold(p).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length > 0).ToArray();

    private sealed record Entry(SymptomConcept Concept, string[] Rest);
}
