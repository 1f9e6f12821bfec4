// Each rule on texts that must pass (diacritics, tatweel, emoji, dialect, medical abbreviations) and texts that must fail.
using Shifa.Curation.Pipeline;
using Shifa.Curation.Rules;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Curation.Tests.Rules;

public sealed class RuleTests
{
    private static readonly CurationOptions Defaults = new();

    private static FilterDecision Run(RecordRule rule, string question, string answer) =>
        rule.Decide(TestWorkspace.Synthetic("x", question, answer));

    private const string GoodQuestion = "عندي صُداع شديد من يومين ومعاه غثيان 😣، شو الحل؟";
    private const string GoodAnswer = "الصداع مع الغثيان قد يكون شقيقةً، اشرب ماءً كافياً ونم جيداً، وخذ باراسيتامول ٥٠٠ ملغ عند اللزوم، وإذا استمر أكثر من ٣ أيام اعمل MRI للدماغ بعد مراجعة الطبيـــب.";

    [Fact]
    public void A_realistic_dialect_record_with_diacritics_emoji_and_abbreviations_passes_every_rule()
    {
        RecordRule[] rules = [new SchemaBoundsFilter(Defaults), new ArabicScriptFilter(Defaults), new LanguageLeakageFilter(Defaults), new DegenerateTextFilter(Defaults), new MetaTextFilter(), new PiiFilter(Defaults), new RestatementFilter(Defaults)];
        foreach (var rule in rules)
        {
            var d = Run(rule, GoodQuestion, GoodAnswer);
            Assert.True(d.Keep, $"{rule.Identity.Name} dropped it: {d.Reason} ({d.Score})");
            Assert.False(string.IsNullOrWhiteSpace(d.Reason));
        }
    }

    [Theory]
    [InlineData("؟", GoodAnswer, "question-too-short")]
    [InlineData(GoodQuestion, "نعم.", "answer-too-short")]
    [InlineData(GoodQuestion, "   ", "missing-answer")]
    public void Schema_bounds(string q, string a, string reason) =>
        Assert.Equal(reason, Run(new SchemaBoundsFilter(Defaults), q, a).Reason);

    [Fact]
    public void Arabic_ratio_drops_an_english_answer_and_names_the_field()
    {
        var d = Run(new ArabicScriptFilter(Defaults), GoodQuestion, "Drink plenty of water and rest; see a doctor if it persists. شكراً");
        Assert.False(d.Keep);
        Assert.Equal("answer-not-arabic", d.Reason);
        Assert.True(d.Score < 0.6);
    }

    [Fact]
    public void Foreign_language_catches_an_english_sentence_and_other_scripts_but_not_abbreviations()
    {
        var rule = new LanguageLeakageFilter(Defaults);
        Assert.True(Run(rule, GoodQuestion, "تحليل HbA1c و TSH و CBC مهم، والجرعة 5 mg مرتين يومياً.").Keep);
        var english = Run(rule, GoodQuestion, "اشرب الماء بكثرة. Note that this is not a substitute for professional medical advice. مع السلامة");
        Assert.Equal("latin-word-run", english.Reason);
        Assert.Equal("other-script", Run(rule, GoodQuestion, "اشرب الماء بكثرة وتناول 药物治疗 مرتين يومياً حسب الحاجة").Reason);
    }

    [Fact]
    public void Degenerate_text_is_dropped_for_loops_and_character_runs()
    {
        var rule = new DegenerateTextFilter(Defaults);
        var loop = string.Join("، ", Enumerable.Repeat("اشرب الماء الدافئ مع العسل", 6));
        Assert.Equal("repetitive-ngrams", Run(rule, GoodQuestion, loop).Reason);
        Assert.Equal("repeated-characters", Run(rule, GoodQuestion, "هههههههههههه الصداع سيزول قريباً إن شاء الله").Reason);
        Assert.Equal("overlong-token", Run(rule, GoodQuestion, "راجع الطبيب المختص " + string.Concat(Enumerable.Repeat("بتا", 15))).Reason);
    }

    [Theory]
    [InlineData("كـنـمـوذج لُغَوي، لا يمكنني تشخيص حالتك ولكن أنصحك بالراحة وشرب السوائل.", "ai-self-reference")]
    [InlineData("عذراً، لا أستطيع تقديم نصيحة طبية، يرجى مراجعة الطبيب المختص في أقرب وقت.", "refusal")]
    [InlineData("As an AI language model, I recommend drinking water. اشرب الماء بكثرة وارتح.", "ai-self-reference")]
    [InlineData("### العلاج\nاشرب الماء بكثرة وارتح جيداً وراجع الطبيب عند اللزوم.", "markdown-or-template")]
    [InlineData("اشرب الماء بكثرة وارتح جيداً <|im_end|>", "markdown-or-template")]
    [InlineData("الإجابة: اشرب الماء بكثرة وارتح جيداً وراجع الطبيب عند اللزوم.", "role-label")]
    public void Meta_text_and_refusals_are_dropped_with_their_reason(string answer, string reason) =>
        Assert.Equal(reason, Run(new MetaTextFilter(), GoodQuestion, answer).Reason);

    [Fact]
    public void Pii_in_the_answer_drops_the_record_with_its_kind()
    {
        var d = Run(new PiiFilter(Defaults), GoodQuestion, "للحجز اتصل على ٠٥٠١٢٣٤٥٦٧ أو راسلنا على clinic@example.com وسنرد عليك.");
        Assert.False(d.Keep);
        Assert.StartsWith("pii-", d.Reason);
        Assert.True(d.Score >= 2);
        Assert.True(Run(new PiiFilter(Defaults with { DropOnPii = false }), GoodQuestion, "اتصل على ٠٥٠١٢٣٤٥٦٧").Keep);
    }

    [Fact]
    public void An_answer_that_repeats_the_question_is_dropped_but_a_real_answer_is_not()
    {
        var rule = new RestatementFilter(Defaults);
        Assert.Equal("answer-restates-question", Run(rule, GoodQuestion, "عندي صداع شديد من يومين ومعاه غثيان، شو الحل؟ الحل هو").Reason);
        Assert.True(Run(rule, GoodQuestion, GoodAnswer).Keep);
    }

    [Fact]
    public void Fingerprints_change_with_the_settings_a_stage_reads_and_only_those()
    {
        Assert.NotEqual(new SchemaBoundsFilter(Defaults).Identity.Fingerprint, new SchemaBoundsFilter(Defaults with { MinAnswerChars = 30 }).Identity.Fingerprint);
        Assert.Equal(new SchemaBoundsFilter(Defaults).Identity.Fingerprint, new SchemaBoundsFilter(Defaults with { NearDuplicateJaccard = 0.8 }).Identity.Fingerprint);
    }
}
