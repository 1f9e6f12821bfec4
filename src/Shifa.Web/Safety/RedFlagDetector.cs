// Red-flag screening of one user message: fold, read symptom concepts through Arabic morphology and
// combine them (CompositeRules), add the precise phrase rules (RedFlagLexicon), skip negated
// mentions, then set aside historical and purely informational ones.
using System.Globalization;
using System.Text.RegularExpressions;
using Shifa.Core.Arabic;

namespace Shifa.Web.Safety;

/// <summary>
/// Screens a message for medical emergencies. Pure and thread-safe: one instance serves the web
/// app and the CLI. It errs towards flagging: an emergency missed costs more than a notice shown
/// to someone who did not need it.
/// </summary>
public sealed partial class RedFlagDetector
{
    /// <summary>Token the detector adds to the folded text when it reads an age of three months or less.</summary>
    public const string InfantAgeMarker = "infantage";

    /// <summary>Prefix of the rule name reported when the learned screen, not a rule, flagged a message.</summary>
    public const string LearnedRuleName = "learned:";

    /// <summary>Name added to <see cref="RedFlagResult.Suppressed"/> when the learned screen set the fired rules aside.</summary>
    public const string LearnedVeto = "learned-veto";

    private static readonly string[] Proclitics = ["", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "وب", "فب", "ول", "ع", "عال", "وع", "اللي", "لي"];

    private static readonly string[] VerbPrefixes = ["", "ي", "ت", "ن", "ا", "بي", "بت", "بن", "م", "كي", "كت", "يت", "تت", "بيت", "بتت", "مت", "ات", "نت"];

    private static readonly string[] Negators = ["لا", "ما", "مش", "مو", "مب", "ليس", "ليست", "لم", "لست", "بدون", "دون", "بلا", "مافي", "ماكو", "مفيش", "مافيش", "ماعندي", "ماعنده", "ماعندها", "معنديش", "ماعنديش", "ولا", "ولم", "وما", "ومش", "بلاش"];

    private static readonly string[] InfoMarkers = Fold(
    [
        "كيف أقي", "كيف اتقي", "كيف أتجنب", "كيف نتجنب", "كيف يمكن تجنب", "كيف أمنع", "كيف نمنع", "كيف أحمي", "كيف نحمي", "الوقاية", "للوقاية", "وقاية", "أتجنب", "تجنب",
        "ما هي أعراض", "ما أعراض", "ما هي علامات", "ما علامات", "شو أعراض", "شو علامات", "ايش أعراض", "ايش علامات", "إيه أعراض", "إيه علامات", "وش أعراض", "وش علامات",
        "أعراض", "علامات", "علامة", "ما أسباب", "ما هي أسباب", "ما سبب", "أسباب", "عوامل الخطر", "معلومات عن", "الفرق بين", "كيف يتم", "كيف يشخص", "كيف تشخيص", "كيف يعالج",
        "علاج", "هل يسبب", "هل تسبب", "هل يؤدي", "نسبة", "إحصائيات", "ما هو", "ما هي", "شو هو", "شو هي", "إيه هو", "إيه هي", "إذا أصيب", "اذا اصيب", "لو حصل", "لو صار",
        "إذا حصل", "إذا صار", "إذا شخص", "لو شخص", "إذا أحد", "لو حد", "كيف أتصرف", "كيف أساعد", "كيف أدعم", "كيف نساعد", "الإسعافات الأولية", "إسعافات أولية",
        "العلامات", "الاعراض", "علاش", "لماذا", "ليش", "الطبيعي", "الطبيعيه", "فيلم", "مسلسل", "روايه", "شلون اساعد", "ازاي اساعد", "كيف بساعد", "شلون اعرف", "ازاي اعرف",
        "كيف اعرف", "يعرف ازاي", "يعرف كيف", "اشتغل", "بشتغل", "ايش السبب", "شو السبب", "وش السبب", "ايه السبب", "شنو السبب", "اش السبب", "ما السبب", "مالسبب", "فما السبب", "فما سبب", "فما هو السبب",
        "how to prevent", "prevention", "symptoms of", "what is", "what are", "يسبب", "تسبب", "بيسبب", "بتسبب", "بيعمل", "بتعمل", "يمكن لمريض", "هل يمكن",
    ]);

    private static readonly string[] SymptomMarkers = Fold(
    [
        "عندي", "عنده", "عندها", "عندو", "عندنا", "أعاني", "يعاني", "تعاني", "أحس", "يحس", "تحس", "حاسس", "حاسة", "بحس", "بيحس", "عم حس", "جاني", "جاتني", "جاته",
        "جاتها", "صابني", "صابه", "صابها", "معي", "معاي", "فيني", "فيه ألم", "بقت", "بقى", "بقا", "أشعر", "يشعر", "تشعر", "نشعر", "ارتفعت", "i have", "i feel",
    ]);

    private static readonly string[] AcuteMarkers = Fold(
    [
        "الآن", "حاليا", "هلق", "هلأ", "هلا", "دلوقتي", "دلوقت", "دابا", "توا", "الحين", "هسه", "هسا", "هسي", "فجأة", "فجاة", "من ساعة", "من ساعتين", "من شوي", "من شوية",
        "من دقائق", "من دقايق", "من نص ساعة", "من نص ساعه", "من ربع ساعة", "منذ ساعة", "منذ ساعتين", "منذ نصف ساعة", "منذ دقائق", "منذ قليل", "قبل قليل", "قبل شوي", "قبل شوية", "قبل دقائق", "قبل دقايق", "اليوم", "الليلة", "ساعدوني", "الحقوني", "الحقني", "إسعاف", "اسعاف", "بسرعة", "ضروري", "شو اعمل", "اعمل ايه", "أعمل إيه", "وش اسوي", "ماذا أفعل", "شنو ندير",
        "right now", "help",
    ]);

    private static readonly string[] PastMarkers = Fold(
    [
        "السنة الماضية", "السنة اللي فاتت", "السنة الي فاتت", "العام الماضي", "العام الفائت", "الشهر الماضي", "الشهر اللي فات", "من سنة", "من سنتين", "من سنين", "من سنوات",
        "قبل سنة", "قبل سنتين", "قبل سنوات", "قبل سنين", "قبل شهور", "قبل أشهر", "قبل كم شهر", "قبل كم سنة", "من كم سنة", "من زمان", "زمان", "في الماضي", "سابقا", "كان عندي",
        "كان عنده", "كانت عندي", "كانت عنده", "كان عندها", "كانت عندها", "كان عندو", "كانت عندو", "كان عندا", "كان فيه", "كان فيها", "عانيت", "عانى", "كنت كنفكر", "كنت نفكر", "كنت أفكر", "كنت افكر", "كنت بفكر", "كنت فكر", "last year",
        "العام اللي فات", "العام الي فات", "الشهر الي فات", "لما كان", "لما كانت", "وهو صغير", "وهي صغيرة", "لما كان صغير", "لما كانت صغيرة",
    ]);

    private static readonly string[] ResolvedMarkers = Fold(
    [
        "بخير", "مزيان", "مزيانه", "الحمد لله", "الحمدلله", "تعافيت", "تعافى", "تعافت", "شفيت", "شفي", "كويس", "كويسة", "منيح", "منيحة", "زين", "مليح", "لاباس", "تمام", "تحسن", "تحسنت", "مستقر", "مستقرة", "رجعت طبيعي", "على خير", "علي خير", "سليمه", "سليم", "طلعت كويسه", "وما رجعت", "وما رجعت تاني", "ما تكررت", "وما تكررت", "ومرجعتش", "وما عادت",
        "now fine", "recovered",
    ]);

    // Back to normal by the end of the message: with a question about the cause, the episode is over.
    private static readonly string[] RecoveredMarkers = Fold(["بخير", "تعافى", "تعافت", "تعافيت", "رجع طبيعي", "رجعت طبيعي", "رجع طبيعي", "صار كويس", "صارت كويسة", "رجع زي ما كان"]);

    // A week ago is still recent: past only when the message also says it is over.
    private static readonly string[] RecentPastMarkers = Fold(["قبل اسبوع", "قبل أسبوع", "قبل اسبوعين", "الأسبوع الماضي", "الاسبوع اللي فات", "الاسبوع الي فات", "الاسبوع الفات", "الأسبوع الفات", "الاسبوع الفايت", "الأسبوع الفائت", "الاسبوع الفائت"]);

    // Asking about a next time: with a past episode or a question it is not happening now.
    private static readonly string[] AgainMarkers = Fold(
    [
        "مرة أخرى", "مرة ثانية", "مرة تانية", "ترجع تاني", "ترجع ثاني", "يرجع تاني", "يرجع ثاني", "اتكررت", "تكررت", "تتكرر", "يتكرر", "المرة الجاية", "الحمل الجاي", "الحمل القادم",
    ]);

    private static readonly Lazy<RedFlagDetector> DefaultDetector = new(() => new RedFlagDetector(learned: UrgencyClassifier.Bundled));

    private readonly CompiledRule[] _rules;
    private readonly CompositeRule[] _composite;
    private readonly UrgencyClassifier? _learned;

    /// <summary>
    /// Creates a detector over the phrase <paramref name="rules"/> (default: <see cref="RedFlagLexicon.Precise"/>)
    /// plus, unless <paramref name="compositional"/> is false, the concept rules that read symptoms by meaning.
    /// </summary>
    /// <param name="rules">Phrase rules; default <see cref="RedFlagLexicon.Precise"/>.</param>
    /// <param name="compositional">False to leave out the concept rules.</param>
    /// <param name="learned">A learned screen that flags what the rules let through; null for the rules alone.</param>
    public RedFlagDetector(IReadOnlyList<RedFlagRule>? rules = null, bool compositional = true, UrgencyClassifier? learned = null)
    {
        _rules = (rules ?? RedFlagLexicon.Precise).Select(Compile).ToArray();
        _composite = compositional ? [.. CompositeRules.Default] : [];
        _learned = learned;
    }

    /// <summary>The detector Shifa serves with: the rules and the <see cref="UrgencyClassifier.Bundled"/> learned screen (trained on first use).</summary>
    public static RedFlagDetector Default => DefaultDetector.Value;

    /// <summary>The hand-written rules alone, without the learned screen.</summary>
    public static RedFlagDetector Rules { get; } = new();

    /// <summary>
    /// Screens one message: the rules, then the learned screen, which flags what the rules let
    /// through and sets aside rules that fired in a single category only when it is nearly sure the
    /// message is ordinary.
    /// </summary>
    public RedFlagResult Detect(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reading = Read(message);
        var byRules = DetectByRules(reading);
        if (_learned is null)
        {
            return byRules;
        }

        var prediction = _learned.Predict(reading);
        if (byRules.IsUrgent)
        {
            // Rules that agree across two categories ("fell, not breathing, no pulse") are never set aside.
            var lone = byRules.Categories.Count < 2;
            return lone && _learned.Vetoes(prediction) ? new RedFlagResult([], [], [.. byRules.MatchedRules, LearnedVeto]) : byRules;
        }

        var setAside = byRules.Suppressed.Count > 0 && !_learned.OverridesSetAside;
        return _learned.IsUrgent(prediction) && !setAside
            ? new RedFlagResult([prediction.Category], [LearnedRuleName + prediction.Category], byRules.Suppressed)
            : byRules;
    }

    private RedFlagResult DetectByRules(MessageReading message)
    {
        var (text, _, hits) = message;
        var fired = new List<(string Name, RedFlagCategory Category)>();
        foreach (var rule in _composite)
        {
            if (rule.Matches(hits))
            {
                fired.Add((rule.Name, rule.Category));
            }
        }

        foreach (var rule in _rules)
        {
            if (rule.Unless.Any(u => ContainsWord(text, u)))
            {
                continue;
            }

            if (rule.Groups.All(g => g.Any(t => Matches(text, t))))
            {
                fired.Add((rule.Name, rule.Category));
            }
        }

        if (fired.Count == 0)
        {
            return RedFlagResult.None;
        }

        // Whole words only: "الان" must not be read inside "الانسداد".
        var acute = AcuteMarkers.Any(m => ContainsWholeWord(text, m));
        var past = PastMarkers.Any(m => ContainsWord(text, m));
        var resolved = ResolvedMarkers.Any(m => ContainsWord(text, m));
        var info = InfoMarkers.Any(m => ContainsWord(text, m));
        var symptom = SymptomMarkers.Any(m => ContainsWord(text, m));

        // A past episode that is over ("last year, now fine") or a general question with nothing
        // happening now ("how do I prevent a stroke?") is answered normally.
        past |= YearsAgo().IsMatch(text);
        var historical = (past && (resolved || !acute)) || (resolved && RecentPastMarkers.Any(m => ContainsWord(text, m)));
        historical |= AgainMarkers.Any(m => ContainsWord(text, m)) && (past || ContainsWholeWord(text, "هل") || ContainsWholeWord(text, "واش"));
        // A reading (a pulse, an oxygen or pressure figure) reports a measurement now: "نسبة الأكسجين ٨٥" is not a question.
        var reading = hits.Any(h => h.Concept is SymptomConcept.PulseAbnormal or SymptomConcept.LowOxygen or SymptomConcept.HighPressure or SymptomConcept.CrisisPressure);
        var informational = info && !acute && !symptom && !reading;

        // "أغمي عليه ثم استيقظ وهو بخير الآن فما السبب": recovered, and asking why.
        historical |= info && RecoveredMarkers.Any(m => ContainsWord(text, m));

        // "أبي أتعلم الإسعافات", "كيف أحمي ولادي من…": learning or prevention with nothing happening now.
        var learning = hits.Any(h => h.Concept == SymptomConcept.Prevent && !h.Negated) && !hits.Any(h => h.Concept is SymptomConcept.Now or SymptomConcept.Sudden);
        informational |= learning;
        var names = fired.Select(r => r.Name).ToArray();
        if (historical || informational)
        {
            return new RedFlagResult([], [], names);
        }

        return new RedFlagResult(fired.Select(r => r.Category).Distinct().ToArray(), names, []);
    }

    /// <summary>
    /// Reads a message for the rules and the learned screen: normalized, folded, with
    /// <see cref="InfantAgeMarker"/> in front when it gives an infant's age, and tagged with concepts.
    /// </summary>
    internal static MessageReading Read(string message)
    {
        // The shared matching normalizer first (presentation forms, letter variants), then the safety fold.
        var text = SafetyText.Fold(ArabicNormalizer.ForMatching.Normalize(message));

        // At the front, so no negation before it can reach it.
        text = HasInfantAge(text) ? " " + InfantAgeMarker + text : text;
        var hits = ConceptTagger.Default.Tag(text, out var tokens);
        return new MessageReading(text, tokens, hits);
    }

    private static bool HasInfantAge(string folded)
    {
        // After "ابني", "بنتي" only a number is an age; "ابني بقاله شهر" is a duration.
        var ages = InfantAge().Matches(folded).Concat(ChildAge().Matches(folded).Where(m => Number(m.Groups["n"].Value) >= 0));
        foreach (var m in ages)
        {
            var unit = m.Groups["unit"].Value;

            // A word that is not a number ("البيبي عنده شهر") leaves one unit; "خمسة وعشرين" adds up.
            var n = m.Groups["n"].Success ? Math.Max(1, Number(m.Groups["n"].Value)) : 1;
            if (m.Groups["n2"].Success && Number(m.Groups["n2"].Value) is > 0 and var n2)
            {
                n += n2;
            }

            var days = unit switch
            {
                _ when unit.StartsWith("يوم", StringComparison.Ordinal) || unit.StartsWith("ايام", StringComparison.Ordinal) || unit.StartsWith("تيام", StringComparison.Ordinal) => n,
                _ when unit.StartsWith("اسبوعين", StringComparison.Ordinal) => 14,
                _ when unit.StartsWith("اسب", StringComparison.Ordinal) || unit.StartsWith("اسا", StringComparison.Ordinal) => n * 7,
                _ when unit.StartsWith("شهرين", StringComparison.Ordinal) => 60,
                _ => n * 30,
            };
            if (days <= 92)
            {
                return true;
            }
        }

        return false;
    }

    // Digits or an Arabic number word up to thirty; -1 when the word is not a number.
    private static int Number(string word)
    {
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        string[][] words =
        [
            ["واحد", "واحده"], ["اثنين", "اتنين", "اثنان"], ["ثلاث", "ثلاثه", "تلات", "تلاته", "ثلاثة"], ["اربع", "اربعه", "أربع"], ["خمس", "خمسه"],
            ["ست", "سته", "ستة"], ["سبع", "سبعه"], ["ثمان", "ثماني", "ثمانيه", "تمن", "تمانيه"], ["تسع", "تسعه"], ["عشر", "عشره", "عشرة"],
        ];
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Contains(word, StringComparer.Ordinal))
            {
                return i + 1;
            }
        }

        return word switch { "عشرين" or "عشرون" => 20, "ثلاثين" or "تلاتين" => 30, _ => -1 };
    }

    private static bool Matches(string text, Term term)
    {
        var start = 0;
        while (true)
        {
            var i = text.IndexOf(term.Text, start, StringComparison.Ordinal);
            if (i < 0)
            {
                return false;
            }

            start = i + 1;
            var wordStart = text.LastIndexOf(' ', i) + 1;
            var prefix = text.AsSpan(wordStart, i - wordStart);
            if (!(term.Verb ? IsVerbPrefix(prefix) : IsProclitic(prefix)))
            {
                continue;
            }

            var negated = IsNegated(text, wordStart);
            if (term.Negation switch { TermNegation.Required => negated, TermNegation.Ignored => true, _ => !negated })
            {
                return true;
            }
        }
    }

    private static bool IsProclitic(ReadOnlySpan<char> prefix)
    {
        foreach (var p in Proclitics)
        {
            if (prefix.SequenceEqual(p))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVerbPrefix(ReadOnlySpan<char> prefix)
    {
        foreach (var v in VerbPrefixes)
        {
            if (prefix.EndsWith(v) && IsProclitic(prefix[..^v.Length]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegated(string text, int wordStart)
    {
        // The three words before the mention: "ما عندي ألم في الصدر", "بدون تعرق", "وما عم تعرف تحرك".
        var before = text[..wordStart].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = Math.Max(0, before.Length - 3); k < before.Length; k++)
        {
            if (Negators.Contains(before[k], StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWholeWord(string text, string marker) =>
        text.Contains(' ' + marker + ' ', StringComparison.Ordinal) || text.Contains(" و" + marker + ' ', StringComparison.Ordinal);

    private static bool ContainsWord(string text, string marker) =>
        text.Contains(' ' + marker, StringComparison.Ordinal) || text.Contains(" و" + marker, StringComparison.Ordinal);

    private static string[] Fold(string[] terms) => terms.Select(t => SafetyText.Fold(t).Trim()).Where(t => t.Length > 0).ToArray();

    private static CompiledRule Compile(RedFlagRule rule)
    {
        var groups = rule.Groups.Select(g => g.Select(ToTerm).ToArray()).ToArray();
        if (groups.Length == 0 || groups.Any(g => g.Length == 0))
        {
            throw new ArgumentException($"Red-flag rule '{rule.Name}' has an empty term group; every group needs at least one term.", nameof(rule));
        }

        return new CompiledRule(rule.Name, rule.Category, groups, Fold([.. rule.Unless ?? []]));
    }

    private static Term ToTerm(string raw)
    {
        var verb = raw.StartsWith('*');
        var body = verb ? raw[1..] : raw;
        var whole = body.EndsWith('$');
        body = whole ? body[..^1] : body;
        var negation = body.StartsWith('!') ? TermNegation.Ignored : body.StartsWith('~') ? TermNegation.Required : TermNegation.Forbidden;
        var folded = SafetyText.Fold(negation == TermNegation.Forbidden ? body : body[1..]).Trim();
        if (folded.Length == 0)
        {
            throw new ArgumentException($"Red-flag term '{raw}' is empty after folding.", nameof(raw));
        }

        return new Term(whole ? folded + " " : folded, negation, verb);
    }

    [GeneratedRegex(@"(?:عمر[هوا]?|عمرها|عند[هو]|عندها|ابن|بنت|بيبي|طفل|طفله|طفلي|طفلتي|صرل[هو]|صرلها|صارل[هو]|صارلها|صار له|صار لها)\s+(?:(?<n>\d{1,2}|[\p{IsArabic}]+)(?:\s+و(?<n2>[\p{IsArabic}]+))?\s+)?(?<unit>يوم|ايام|تيام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|شهور|اشهر)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InfantAge();

    // "قبل ثلاث سنين", "قبل 5 شهور": months or years ago.
    [GeneratedRegex(@"\bقبل\s+(?:\d{1,2}|[\p{IsArabic}]+)\s+(?:سنين|سنوات|سنه|سنتين|شهور|اشهر|شهر)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearsAgo();

    // "بنتي ٦ أسابيع", "ولدي ٢٠ يوم": a child noun followed directly by a number and a unit.
    [GeneratedRegex(@"(?:ابني|بنتي|ابنتي|ولدي|بنوتي|حفيدي|حفيدتي|رضيعي|رضيعتي|بيبيتي|البيبي)\s+(?<n>\d{1,2}|[\p{IsArabic}]+)(?:\s+و(?<n2>[\p{IsArabic}]+))?\s+(?<unit>يوم|ايام|تيام|اسبوعين|اسبوع|اسابيع|شهرين|شهر|شهور|اشهر)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ChildAge();

    private enum TermNegation
    {
        Forbidden,
        Ignored,
        Required,
    }

    private sealed record Term(string Text, TermNegation Negation, bool Verb);

    private sealed record CompiledRule(string Name, RedFlagCategory Category, Term[][] Groups, string[] Unless);
}
