using Shifa.Core.Readers;
using Shifa.Web.Safety;
using Xunit.Abstractions;

namespace Shifa.Web.Tests.Safety;

public sealed class RedFlagDetectorTests(ITestOutputHelper output)
{
    private static List<LabelledMessage> LoadSet(string file = "red-flags.tsv") =>
        LabelledMessageReader.Read(Path.Combine(AppContext.BaseDirectory, "Safety", "Data", file));

    // The rules were tuned on these development sets; each was written before the rules it was first scored against.
    // Dev16 and dev17 were written as training data for the learned screen and the rules were never tuned
    // on them (UrgencyClassifierTests measures dev16 left out of training).
    [Fact]
    public void Labelled_set_meets_recall_and_false_positive_targets()
    {
        var set = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Safety", "Data"), "red-flags*.tsv")
            .Select(Path.GetFileName).OfType<string>()
            .Where(f => f == "red-flags.tsv" || (f.StartsWith("red-flags-dev", StringComparison.Ordinal) && !UrgencyClassifierTests.LearnedOnlySets.Contains(f)))
            .SelectMany(f => LoadSet(f)).ToList();
        Assert.True(set.Count >= 150, $"labelled set has {set.Count} messages, need at least 150");
        var (recall, fpr) = Measure(set, "development set", RedFlagDetector.Rules);
        Assert.True(recall >= 0.95, $"recall {recall:F3} below 0.95");
        Assert.True(fpr <= 0.10, $"false-positive rate {fpr:F3} above 0.10");
    }

    // Written after the last phrase-lexicon change; later scored while the compositional rules changed (never
    // used to write them), and never part of the learned screen's training data. Rules alone: recall 0.925,
    // false positives 0.000; served with the learned screen: 1.000 (40/40), 0.000 (0/30).
    [Fact]
    public void Unseen_set_holds_its_measured_recall_and_false_positive_rate()
    {
        var set = LoadSet("red-flags-unseen.tsv");
        var (recall, fpr) = Measure(set, "unseen set", RedFlagDetector.Default);
        Assert.True(recall >= 0.90, $"unseen recall {recall:F3} fell below 0.90");
        Assert.True(fpr <= 0.10, $"unseen false-positive rate {fpr:F3} above 0.10");
    }

    // The headline estimate: written from the category list alone by someone who never read the rules,
    // the other sets or the learned screen, and never used to change or train them. Scored once, with
    // the served detector (rules and learned screen): recall 0.993 (143/144), false positives 0.040
    // (6/151); the rules alone: 0.938 (135/144) and 0.066 (10/151). The bounds keep the measured level.
    [Fact]
    public void Held_out_set_written_without_reading_the_rules()
    {
        var set = LoadSet("red-flags-heldout5.tsv");
        Assert.True(set.Count >= 150, $"held-out set has {set.Count} messages, need at least 150");
        Assert.DoesNotContain("red-flags-heldout5.tsv", BundledLabelledSets.Names);
        var (rulesRecall, rulesFpr) = Measure(set, "held-out set, rules alone", RedFlagDetector.Rules);
        var (recall, fpr) = Measure(set, "held-out set, served", RedFlagDetector.Default);
        Assert.True(recall >= 0.98, $"held-out recall {recall:F3} fell below the measured 0.993");
        Assert.True(fpr <= 0.05, $"held-out false-positive rate {fpr:F3} above the measured 0.040");
        Assert.True(rulesRecall >= 0.92 && rulesFpr <= 0.08, $"rules alone on the held-out set: recall {rulesRecall:F3}, false positives {rulesFpr:F3} (measured 0.938, 0.066)");
    }

    // A second held-out set, written after the first was scored, from a brief worded differently (realistic
    // forum and chat posts, no list of signs), by someone who read nothing of Shifa. Scored once: served
    // recall 0.985 (132/134), false positives 0.014 (2/148); rules alone 0.888 (119/134), 0.095 (14/148).
    // One miss was a collapse with no breathing and no pulse whose rules the learned screen set aside;
    // since then rules that agree across categories are never set aside (no change on any development
    // set), and the served recall here is 0.993 (133/134). The bounds keep the measured level.
    [Fact]
    public void Second_held_out_set_written_from_a_different_brief()
    {
        var set = LoadSet("red-flags-heldout6.tsv");
        Assert.True(set.Count >= 150, $"held-out set has {set.Count} messages, need at least 150");
        Assert.DoesNotContain("red-flags-heldout6.tsv", BundledLabelledSets.Names);
        var (rulesRecall, rulesFpr) = Measure(set, "second held-out set, rules alone", RedFlagDetector.Rules);
        var (recall, fpr) = Measure(set, "second held-out set, served", RedFlagDetector.Default);
        Assert.True(recall >= 0.97, $"held-out recall {recall:F3} fell below the measured 0.985");
        Assert.True(fpr <= 0.03, $"held-out false-positive rate {fpr:F3} above the measured 0.014");
        Assert.True(rulesRecall >= 0.87 && rulesFpr <= 0.11, $"rules alone: recall {rulesRecall:F3}, false positives {rulesFpr:F3} (measured 0.888, 0.095)");
    }

    // Each development set on its own, so that one set cannot hide behind the others' numbers.
    [Theory]
    [InlineData("red-flags.tsv")]
    [InlineData("red-flags-dev2.tsv")]
    [InlineData("red-flags-dev3.tsv")]
    [InlineData("red-flags-dev4.tsv")]
    [InlineData("red-flags-dev5.tsv")]
    [InlineData("red-flags-dev6.tsv")]
    [InlineData("red-flags-dev7.tsv")]
    [InlineData("red-flags-dev8.tsv")]
    [InlineData("red-flags-dev9.tsv")]
    [InlineData("red-flags-dev10.tsv")]
    [InlineData("red-flags-dev11.tsv")]
    // Written from the category list alone by someone who never read the rules; first contact recall
    // 0.726, false positives 0.123, then used to widen the rules.
    [InlineData("red-flags-dev12.tsv")]
    // Written the same way as dev12 (as the held-out set red-flags-heldout2.tsv); first contact recall
    // 0.821 (110/134), false positives 0.029 (4/139), then used to widen the rules.
    [InlineData("red-flags-dev13.tsv")]
    // Written the same way (as the held-out set red-flags-heldout3.tsv); first contact recall
    // 0.880 (110/125), false positives 0.029 (4/136), then used to widen the rules.
    [InlineData("red-flags-dev14.tsv")]
    // Written the same way (as the held-out set red-flags-heldout4.tsv); first contact recall
    // 0.754 (92/122), false positives 0.062 (9/145), then used to widen the rules.
    [InlineData("red-flags-dev15.tsv")]
    public void Each_development_set_meets_the_targets(string file)
    {
        var (recall, fpr) = Measure(LoadSet(file), file, RedFlagDetector.Rules);
        Assert.True(recall >= 0.95, $"{file}: recall {recall:F3} below 0.95");
        Assert.True(fpr <= 0.10, $"{file}: false-positive rate {fpr:F3} above 0.10");
    }

    // Real consultation questions: a handful describe acute chest pain or breathlessness, the rest are
    // ordinary. Only the odd rows: the even ones train the learned screen (red-flags-dev-ordinary.tsv).
    // Rules alone: 9 of all 400 questions trigger; the bound keeps ordinary questions far from the
    // 10 % false-positive ceiling.
    [Fact]
    public void Ordinary_consultation_questions_rarely_trigger()
    {
        var questions = AraMedQuestions().Where((q, i) => i % 2 == 1 && q.Length > 0).ToList();
        Assert.True(questions.Count >= 150, $"AraMed sample has {questions.Count} odd-row questions, expected 200");
        var hits = questions.Where(q => RedFlagDetector.Default.Detect(q).IsUrgent).ToList();
        foreach (var q in hits)
        {
            output.WriteLine($"TRIGGER [{string.Join(',', RedFlagDetector.Default.Detect(q).MatchedRules)}]: {q}");
        }

        output.WriteLine($"AraMed sample, odd rows: {hits.Count}/{questions.Count} questions trigger the urgent notice");
        Assert.True(hits.Count <= questions.Count * 0.03, $"{hits.Count} of {questions.Count} ordinary questions trigger the urgent notice (more than 3 %)");
    }

    // The training file says it holds even-row questions only; the test above relies on it.
    [Fact]
    public void Ordinary_training_questions_come_from_the_even_rows_only()
    {
        var even = AraMedQuestions().Where((q, i) => i % 2 == 0 && q.Length > 0).Select(OneLine).ToHashSet(StringComparer.Ordinal);
        var training = LoadSet("red-flags-dev-ordinary.tsv");
        Assert.True(training.Count >= 150, $"{training.Count} ordinary training questions");
        Assert.All(training, m => Assert.False(m.Urgent, m.Source));
        Assert.All(training, m => Assert.True(even.Contains(m.Text), $"{m.Source} is not an even-row AraMed question"));
        Assert.All(training, m => Assert.False(RedFlagDetector.Rules.Detect(m.Text).IsUrgent, $"{m.Source} is flagged by the rules yet taught as ordinary"));
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    // The question column of samples/aramed-sample.csv, one entry per data row (empty when a row has none),
    // so that row parity matches red-flags-dev-ordinary.tsv.
    private static List<string> AraMedQuestions()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "samples", "aramed-sample.csv")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, "samples/aramed-sample.csv not found above the test output folder");
        using var table = TableReader.Open(Path.Combine(dir!.FullName, "samples", "aramed-sample.csv"));
        var column = table.Columns.ToList().IndexOf("question");
        Assert.True(column >= 0, "aramed-sample.csv: no 'question' column in the header");
        return table.Rows().Select(r => r.Values[column] ?? "").ToList();
    }

    private (double Recall, double FalsePositiveRate) Measure(List<LabelledMessage> set, string name, RedFlagDetector detector)
    {
        Assert.True(set.Select(s => s.Dialect).Distinct().Count() >= 5, "labelled set must cover MSA and at least four dialects");
        int tp = 0, fn = 0, fp = 0, tn = 0;
        foreach (var item in set)
        {
            var r = detector.Detect(item.Text);
            switch (item.Urgent, r.IsUrgent)
            {
                case (true, true): tp++; break;
                case (true, false): fn++; output.WriteLine($"MISS  {item.Source} [{item.CategoryKey}/{item.Dialect}] suppressed={string.Join(',', r.Suppressed)}: {item.Text}"); break;
                case (false, true): fp++; output.WriteLine($"FALSE {item.Source} [{item.CategoryKey}/{item.Dialect}] rules={string.Join(',', r.MatchedRules)}: {item.Text}"); break;
                default: tn++; break;
            }
        }

        var recall = tp / (double)(tp + fn);
        var fpr = fp / (double)(fp + tn);
        output.WriteLine($"red-flag {name}: {set.Count} messages ({tp + fn} urgent, {fp + tn} not); recall {recall:F3} ({tp}/{tp + fn}), false-positive rate {fpr:F3} ({fp}/{fp + tn})");
        Console.WriteLine($"red-flag {name}: recall {recall:F3}, false-positive rate {fpr:F3}");
        return (recall, fpr);
    }

    [Theory]
    [InlineData("ما عندي ألم في الصدر ولا تعرق، بس عندي حموضة")]
    [InlineData("كان عندي ألمٌ في الصدر مع تعرّق السنة الماضية والحمد لله الآن بخير")]
    [InlineData("كيف أقي والدي من الجلطة الدماغيّة؟")]
    public void Negated_historical_and_informational_mentions_are_not_urgent(string text)
    {
        var r = RedFlagDetector.Default.Detect(text);
        Assert.False(r.IsUrgent, string.Join(',', r.MatchedRules));
    }

    [Theory]
    [InlineData("أشعـــر بألمٍ في صدري مع عرقٍ باااارد 😰", RedFlagCategory.Cardiac)]
    [InlineData("رضيعي عمره ٣ أسابيع وحرارته ٣٨٫٥؟", RedFlagCategory.InfantFever)]
    [InlineData("i want to KILL MYSELF tonight", RedFlagCategory.SelfHarm)]
    [InlineData("بابا بقّه مايل، وكلامه مش مفهوم؛ نعمل إيه؟", RedFlagCategory.Stroke)]
    public void Diacritics_tatweel_digits_and_emoji_do_not_hide_red_flags(string text, RedFlagCategory expected)
    {
        var r = RedFlagDetector.Default.Detect(text);
        Assert.Contains(expected, r.Categories);
    }

    [Fact]
    public void Urgent_message_names_emergency_numbers_and_crisis_help_for_self_harm()
    {
        var text = SafetyMessages.Urgent([RedFlagCategory.SelfHarm]);
        Assert.StartsWith(SafetyMessages.UrgentHeading, text, StringComparison.Ordinal);
        Assert.Contains("997", text, StringComparison.Ordinal);
        Assert.Contains("123", text, StringComparison.Ordinal);
        Assert.Contains("لست وحدك", text, StringComparison.Ordinal);
        Assert.DoesNotContain("لست وحدك", SafetyMessages.Urgent([RedFlagCategory.Cardiac]), StringComparison.Ordinal);
    }
}
