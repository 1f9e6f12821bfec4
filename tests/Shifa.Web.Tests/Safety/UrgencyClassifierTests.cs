using Shifa.Web.Safety;
using Xunit.Abstractions;

namespace Shifa.Web.Tests.Safety;

public sealed class UrgencyClassifierTests(ITestOutputHelper output)
{
    /// <summary>Written from the category list alone as training data; the rules were never tuned on it.</summary>
    internal const string LeftOutSet = "red-flags-dev16.tsv";

    /// <summary>Sets written only to train the learned screen: the rules were never tuned on them.</summary>
    internal static readonly string[] LearnedOnlySets = [LeftOutSet, "red-flags-dev17.tsv", "red-flags-dev-ordinary.tsv"];

    private static readonly string DataFolder = Path.Combine(AppContext.BaseDirectory, "Safety", "Data");

    // A made-up word the rules cannot know: whatever flags it was learned from the examples.
    private static readonly List<LabelledMessage> Toy =
    [
        .. new[] { "ابوي عنده قرقبيل من ساعة", "امي جاها قرقبيل فجأة", "زوجي صار عنده قرقبيل الحين", "اخوي عنده قرقبيل قوي", "جدي فيه قرقبيل وما يرد" }
            .Select((t, i) => new LabelledMessage(true, "stroke", RedFlagCategory.Stroke, "gulf", t, $"toy:{i}")),
        .. new[] { "ابني عنده زكام خفيف", "هل القهوة مضرة للمعدة", "عندي حبوب في الوجه", "ما افضل وقت للرياضة", "امي عندها صداع بسيط", "كيف اخفف الوزن" }
            .Select((t, i) => new LabelledMessage(false, "none", null, "gulf", t, $"toy:{i + 5}")),
    ];

    [Fact]
    public void Learns_a_sign_the_rules_do_not_know_and_names_its_category()
    {
        var model = UrgencyClassifier.Train(Toy);
        var urgent = model.Predict("خالتي عندها قرقبيل شو اعمل");
        var ordinary = model.Predict("عندي زكام خفيف من يومين");
        Assert.True(urgent.Urgency > 0.5, $"urgency {urgent.Urgency:F3}");
        Assert.Equal(RedFlagCategory.Stroke, urgent.Category);
        Assert.True(ordinary.Urgency < 0.5, $"urgency {ordinary.Urgency:F3}");

        Assert.False(RedFlagDetector.Rules.Detect("خالتي عندها قرقبيل شو اعمل").IsUrgent);
        var screened = new RedFlagDetector(learned: model).Detect("خالتي عندها قرقبيل شو اعمل");
        Assert.Equal([RedFlagCategory.Stroke], screened.Categories);
        Assert.Equal([RedFlagDetector.LearnedRuleName + nameof(RedFlagCategory.Stroke)], screened.MatchedRules);
    }

    [Fact]
    public void Sets_a_fired_rule_aside_only_when_nearly_sure_and_only_if_allowed()
    {
        const string Sentence = "عندي ألم شديد في الصدر مع تعرق";
        Assert.True(RedFlagDetector.Rules.Detect(Sentence).IsUrgent);

        // Taught, against medicine, that this exact sentence is ordinary: the veto is the model's, not the rules'.
        var taught = Toy.Concat(Enumerable.Range(0, 30).Select(i => new LabelledMessage(false, "cardiac-hard", null, "msa", Sentence, $"taught:{i}"))).ToList();
        var vetoing = UrgencyClassifier.Train(taught);
        Assert.True(vetoing.Predict(Sentence).Urgency < vetoing.VetoBelow);
        var vetoed = new RedFlagDetector(learned: vetoing).Detect(Sentence);
        Assert.False(vetoed.IsUrgent);
        Assert.Contains(RedFlagDetector.LearnedVeto, vetoed.Suppressed);

        var neverVetoing = UrgencyClassifier.Train(taught, new UrgencyTrainingOptions { VetoBelow = 0 });
        Assert.True(new RedFlagDetector(learned: neverVetoing).Detect(Sentence).IsUrgent);
    }

    [Fact]
    public void Rules_that_agree_across_categories_are_never_set_aside()
    {
        // A collapse with no breathing and no pulse: cardiac, breathing and unconsciousness rules at once.
        const string Arrest = "خوي طاح في الملعب وما يتنفسش وما فيش نبض";
        var rules = RedFlagDetector.Rules.Detect(Arrest);
        Assert.True(rules.Categories.Count >= 2, string.Join(',', rules.MatchedRules));
        var taught = Toy.Concat(Enumerable.Range(0, 30).Select(i => new LabelledMessage(false, "none", null, "libyan", Arrest, $"taught:{i}"))).ToList();
        var vetoing = UrgencyClassifier.Train(taught);
        Assert.True(vetoing.Vetoes(vetoing.Predict(Arrest)));
        Assert.Equal(rules.Categories, new RedFlagDetector(learned: vetoing).Detect(Arrest).Categories);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed_and_changes_with_it()
    {
        var messages = LabelledMessageReader.Read(Path.Combine(DataFolder, "red-flags-dev7.tsv"));
        var probe = LabelledMessageReader.Read(Path.Combine(DataFolder, "red-flags-dev8.tsv")).Select(m => m.Text).ToList();
        var a = UrgencyClassifier.Train(messages);
        var b = UrgencyClassifier.Train(messages);
        var c = UrgencyClassifier.Train(messages, new UrgencyTrainingOptions { Seed = 5 });
        Assert.Equal(probe.Select(t => a.Predict(t)), probe.Select(t => b.Predict(t)));
        Assert.NotEqual(probe.Select(t => a.Predict(t).Urgency), probe.Select(t => c.Predict(t).Urgency));
    }

    [Fact]
    public void Refuses_training_data_with_one_label_only_and_options_out_of_range()
    {
        var ex = Assert.Throws<ArgumentException>(() => UrgencyClassifier.Train(Toy.Where(m => m.Urgent).ToList()));
        Assert.Contains("5 urgent of 5", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => UrgencyClassifier.Train(Toy, new UrgencyTrainingOptions { Epochs = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => UrgencyClassifier.Train(Toy, new UrgencyTrainingOptions { Threshold = 1.5 }));
    }

    // Leave-one-set-out: the learned screen trained on every built-in set except dev16, which was
    // written from the category list alone and never used to tune the rules. Measured: rules alone
    // recall 0.832, false positives 0.081; rules with the learned screen 0.985 / 0.013.
    [Fact]
    public void Learned_screen_lifts_recall_on_an_independent_set_left_out_of_training()
    {
        Assert.Contains(LeftOutSet, BundledLabelledSets.Names);
        var training = BundledLabelledSets.Read().Where(m => !m.Source.StartsWith(LeftOutSet + ":", StringComparison.Ordinal)).ToList();
        var detector = new RedFlagDetector(learned: UrgencyClassifier.Train(training));
        var leftOut = LabelledMessageReader.Read(Path.Combine(DataFolder, LeftOutSet));
        var rules = RedFlagScore.Of(leftOut, RedFlagDetector.Rules);
        var served = RedFlagScore.Of(leftOut, detector);
        var (rulesRecall, rulesFpr, recall, fpr) = (rules.Recall, rules.FalsePositiveRate, served.Recall, served.FalsePositiveRate);
        output.WriteLine($"{LeftOutSet} left out: rules alone recall {rulesRecall:F3}, fp {rulesFpr:F3}; with the learned screen recall {recall:F3}, fp {fpr:F3}");
        Assert.True(recall >= 0.95, $"recall {recall:F3} below 0.95 (rules alone {rulesRecall:F3})");
        Assert.True(fpr <= 0.05, $"false-positive rate {fpr:F3} above 0.05 (rules alone {rulesFpr:F3})");
        Assert.True(recall > rulesRecall, "the learned screen adds nothing to the rules");
    }

    // The headline figure is only honest if no held-out message trained the bundled model.
    [Fact]
    public void Built_in_training_sets_hold_no_held_out_message()
    {
        Assert.NotEmpty(BundledLabelledSets.Names);
        Assert.All(BundledLabelledSets.Names, n => Assert.True(n == "red-flags.tsv" || n.StartsWith("red-flags-dev", StringComparison.Ordinal), n));
        var training = BundledLabelledSets.Read().Select(m => m.Text.Trim()).ToHashSet(StringComparer.Ordinal);
        var heldOut = Directory.GetFiles(DataFolder, "red-flags*.tsv")
            .Where(f => !BundledLabelledSets.Names.Contains(Path.GetFileName(f)))
            .ToList();
        Assert.NotEmpty(heldOut);
        foreach (var file in heldOut)
        {
            var shared = LabelledMessageReader.Read(file).Where(m => training.Contains(m.Text.Trim())).Select(m => m.Source).ToList();
            Assert.True(shared.Count == 0, $"held-out messages also in the training sets: {string.Join(", ", shared)}");
        }
    }

    // Written for this test after the writers' style bias showed (urgent messages mostly about a relative,
    // ordinary ones mostly first person): a model that learns "a relative is mentioned" flags these.
    private static readonly string[] EverydayStatements =
    [
        "خالتي عندها سكر", "امي عندها ضغط", "ابوي عنده سكر وضغط", "جدتي عندها روماتيزم", "خالتي عندها حساسية", "عمي عنده ربو",
        "زوجي عنده قولون عصبي", "اختي عندها انيميا", "جدي عنده الزهايمر", "ابني عنده زكام", "بنتي عندها حبوب في وجهها", "اخوي عنده نقرس",
        "امي عندها غدة درقية خاملة وش تاكل", "ابوي عنده كوليسترول عالي ايش الاكل الممنوع", "خالي عنده صرع ماخذ علاجه ومستقر", "زوجتي حامل في الشهر الرابع وش الفيتامينات",
        "جدتي عندها هشاشة عظام", "عمتي عندها سكري من عشر سنين", "ابني عنده حساسية من الفول السوداني شو نتجنب", "بنت اختي عندها تأخر في الكلام",
        "عندي سكر نوع تاني", "عندي ضغط وباخد دوا", "عندي صداع خفيف", "عندي حساسية موسمية", "والدي عنده تضخم في البروستاتا",
        "امي عندها دوالي في رجليها", "ابوي عنده ضعف نظر", "زوجي يشخر كثير", "جدي عنده سمع ضعيف", "اخوي عنده حب شباب",
    ];

    private static readonly string[] ShortEmergencies =
    [
        "مش قادر اتنفس", "ابوي مش بيتنفس", "امي اغمى عليها وما تصحى", "بنزف كتير ومش بيوقف", "ابني بلع كلور", "وجهي مال ونص جسمي ما يتحرك",
        "صدري يعصرني وعرقان", "بدي انتحر الليلة", "ابني عنده تشنجات من عشر دقايق", "زوجتي حامل وتنزف", "بنتي عمرها شهر وحرارتها ٣٩",
        "لساني وشفايفي منفخين بعد الدوا", "لدغتني عقرب", "شربت كل حبوب امي", "ابوي وقع من السطح", "جدي سكره ٣٠ وما يرد",
        "راسي ينفجر فجأة اسوأ صداع بحياتي", "ولدي شفايفه زرق", "امي تستفرغ دم", "بطني وجعني بشدة ومتحجر",
    ];

    // The served detector on everyday statements (2-10 words, many about a relative) and on short emergencies.
    [Fact]
    public void Short_everyday_statements_stay_ordinary_and_short_emergencies_are_flagged()
    {
        var flaggedEveryday = EverydayStatements.Where(t => RedFlagDetector.Default.Detect(t).IsUrgent).ToList();
        var missed = ShortEmergencies.Where(t => !RedFlagDetector.Default.Detect(t).IsUrgent).ToList();
        output.WriteLine($"everyday flagged {flaggedEveryday.Count}/{EverydayStatements.Length}: {string.Join(" | ", flaggedEveryday)}");
        output.WriteLine($"emergencies missed {missed.Count}/{ShortEmergencies.Length}: {string.Join(" | ", missed)}");
        Assert.True(flaggedEveryday.Count <= 3, $"{flaggedEveryday.Count} everyday statements flagged: {string.Join(" | ", flaggedEveryday)}");
        Assert.True(missed.Count <= 1, $"{missed.Count} short emergencies missed: {string.Join(" | ", missed)}");
    }

    // The near misses written to pin the rules (everyday versions of triage signs, in nine dialects),
    // read by the served detector: the learned screen must not undo the rules' guards wholesale.
    // Measured: 5 of 106 flagged, all by the learned screen (a letter to a grandmother read as a farewell,
    // a toy thrown from a balcony read as a fall).
    [Fact]
    public void Near_misses_written_for_the_rules_mostly_stay_quiet_when_served()
    {
        var nearMisses = new[] { nameof(RedFlagTriageSignTests.Triage_checklist_near_misses_stay_quiet), nameof(RedFlagTriageSignTests.Everyday_versions_of_the_signs_stay_quiet) }
            .Select(n => typeof(RedFlagTriageSignTests).GetMethod(n)!)
            .SelectMany(m => m.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().SelectMany(a => a.GetData(m)))
            .Select(d => (string)d[0])
            .ToList();
        Assert.True(nearMisses.Count >= 100, $"{nearMisses.Count} near misses");
        var flagged = nearMisses.Where(t => RedFlagDetector.Default.Detect(t).IsUrgent).ToList();
        output.WriteLine($"near misses flagged {flagged.Count}/{nearMisses.Count}: {string.Join(" | ", flagged)}");
        Assert.True(flagged.Count <= nearMisses.Count * 0.08, $"{flagged.Count} of {nearMisses.Count} near misses flagged: {string.Join(" | ", flagged)}");
    }

    [Theory]
    [InlineData("1\tcardiac\tmsa", "line 3: expected 4 tab-separated fields")]
    [InlineData("2\tcardiac\tmsa\tنص", "line 3, field 'label'")]
    [InlineData("1\theadache\tmsa\tنص", "line 3, field 'category': 'headache'")]
    [InlineData("0\tnone\t\tنص", "line 3, field 'dialect'")]
    [InlineData("0\tnone\tmsa\t  ", "line 3, field 'text'")]
    public void Malformed_lines_name_the_set_line_and_field(string line, string expected)
    {
        var text = "# header\n1\tstroke\tmsa\tوجهه مايل\n" + line + "\n";
        var ex = Assert.Throws<InvalidDataException>(() => LabelledMessageReader.Read(new StringReader(text), "mine.tsv"));
        Assert.StartsWith("mine.tsv ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
