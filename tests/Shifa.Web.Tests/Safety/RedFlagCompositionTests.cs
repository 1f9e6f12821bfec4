using Shifa.Web.Safety;

namespace Shifa.Web.Tests.Safety;

// The compositional layer: morphology that lets one stem cover dialect inflections, the concept
// combinations that make an emergency, and the guards that keep ordinary mentions quiet.
public sealed class RedFlagCompositionTests
{
    private static RedFlagResult Detect(string text) => RedFlagDetector.Rules.Detect(text);

    // Only the compositional rules, so that a pass cannot come from a phrase written for one sentence.
    private static readonly RedFlagDetector Compositional = new([]);

    [Theory]
    [InlineData("وبينزفوا", "نزف")]
    [InlineData("كيعرق", "عرق")]
    [InlineData("ديعرق", "عرق")]
    [InlineData("لدغتني", "لدغ")]
    [InlineData("اتجرح", "جرح")]
    [InlineData("وانحرقت", "حرق")]
    public void Verb_readings_peel_dialect_particles_person_prefixes_and_object_pronouns(string word, string stem)
    {
        var readings = ArabicWordForms.Readings(word);
        Assert.Contains(readings, r => r.Verb && r.Stem == stem && !r.Negated);
    }

    [Theory]
    [InlineData("حرارتها", "حراره")]
    [InlineData("طعنات", "طعنه")]
    [InlineData("بصدرو", "صدر")]
    [InlineData("وشفايفه", "شفايف")]
    [InlineData("بهالدنيا", "دنيا")]
    [InlineData("للوعي", "وعي")]
    public void Noun_readings_peel_clitics_and_pronouns_and_restore_ta_marbuta(string word, string stem)
    {
        Assert.Contains(ArabicWordForms.Readings(word), r => !r.Verb && r.Stem == stem);
    }

    [Theory]
    [InlineData("مقدرش", "قدر")]
    [InlineData("ومصحاش", "صحا")]
    [InlineData("ماريد", "ريد")]
    [InlineData("اصحاش", "صحا")]
    public void Fused_and_split_negations_are_reported_on_the_reading(string word, string stem)
    {
        Assert.Contains(ArabicWordForms.Readings(word), r => r.Stem == stem && r.Negated);
    }

    [Fact]
    public void Dialect_ala_before_a_two_letter_stem_is_not_peeled()
    {
        // "عدم" (lack of) must not read as ع + دم (blood).
        Assert.DoesNotContain(ArabicWordForms.Readings("وعدم"), r => r.Stem == "دم");
        Assert.False(Compositional.Detect("صداع شديد وعدم القدرة على النوم").IsUrgent);
    }

    [Theory]
    [InlineData("أبوي ما يقدر يتنفّس!")]
    [InlineData("بنتي ما دتكدر تتنفس")]
    [InlineData("مقدرش أتنفس خالص")]
    [InlineData("ولدي ما قادرش يتنفس")]
    [InlineData("لا أستطيعُ التنفُّسَ")]
    [InlineData("ما اقدددر اتنفسسس 😰")]
    public void A_negated_ability_to_breathe_is_an_emergency_in_every_dialect(string text)
    {
        Assert.Contains(RedFlagCategory.Breathing, Compositional.Detect(text).Categories);
    }

    [Theory]
    [InlineData("صدرى بيوجعنى جامد و عرقان", RedFlagCategory.Cardiac)]
    [InlineData("My dad: صـــدره يوجعه جامد وعرقاااان 😰، ٦٠ سنة", RedFlagCategory.Cardiac)]
    [InlineData("بيّي وشفايفو زرق وعم يشهق", RedFlagCategory.Breathing)]
    [InlineData("أنا حامل ونزل مني دم كتير", RedFlagCategory.Pregnancy)]
    [InlineData("ابني عمره ٣ أسابيع وسخن", RedFlagCategory.InfantFever)]
    [InlineData("ماريد أعيش بعد، كلشي ماله طعم", RedFlagCategory.SelfHarm)]
    [InlineData("نفسي أنام وما أصحاش", RedFlagCategory.SelfHarm)]
    [InlineData("أبوي عنده السكري وما يرد علينا وسكره ٣٥", RedFlagCategory.DiabeticEmergency)]
    [InlineData("ابني انحرق بالزيت على وجهه وصدره", RedFlagCategory.SevereInjury)]
    [InlineData("عضمة رجله طالعة برّة بعد الحادث", RedFlagCategory.SevereInjury)]
    [InlineData("ابني عنده حرارة ٣٩ ورقبته ناشفة", RedFlagCategory.Neurological)]
    public void Concepts_compose_across_dialect_spellings_and_typos(string text, RedFlagCategory expected)
    {
        var r = Compositional.Detect(text);
        Assert.Contains(expected, r.Categories);
        Assert.All(r.MatchedRules, name => Assert.StartsWith("compose.", name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ما عندي نزيف ولا دم كثير، بس عندي صداع")]
    [InlineData("ما عنده ألم في الصدر ولا تعرّق، الحمد لله")]
    [InlineData("ما هي تمارين التنفّس المفيدة لمرضى الربو؟")]
    public void Denied_symptoms_and_interrogative_ma_do_not_fire(string text)
    {
        var r = Detect(text);
        Assert.False(r.IsUrgent, string.Join(',', r.MatchedRules));
    }

    [Theory]
    [InlineData("قبل سنة جتني جلطة وهلق الحمد لله بخير")]
    [InlineData("كنت كنفكر فالانتحار من سنين ودابا الحمد لله مزيان")]
    [InlineData("كيف أتجنب الجلطة الدماغية؟")]
    [InlineData("ما هي أعراض النوبة القلبية؟")]
    [InlineData("ما هي علامات التحذير من الانتحار عند المراهقين؟")]
    public void Past_prevention_and_educational_questions_are_answered_normally(string text)
    {
        var r = Detect(text);
        Assert.False(r.IsUrgent, string.Join(',', r.MatchedRules));
    }

    [Theory]
    [InlineData("قلبي مكسور 💔 بعد الفراق")]
    [InlineData("بموت من الضحك 😂")]
    [InlineData("الملل يقتلني في العطلة")]
    [InlineData("هموت من الجوع، إيه أكل صحي سريع؟")]
    [InlineData("قلبي واجعني عليه من ساعة ما سافر")]
    public void Figurative_speech_is_not_an_emergency(string text)
    {
        var r = Detect(text);
        Assert.False(r.IsUrgent, string.Join(',', r.MatchedRules));
    }

    [Theory]
    [InlineData("صدري يوجعني شوية لما أكح")]
    [InlineData("أحياناً أحس بضيق تنفس لما أطلع الدرج")]
    [InlineData("ابني عمره ٣ سنين وسخن شوية")]
    [InlineData("اتلسعت من المكواة وعندي فقاعة صغيرة")]
    [InlineData("جرحت إيدي بالغلط وأنا بقطع البصل")]
    [InlineData("ابني أكل سمك وبطنه بتوجعه")]
    [InlineData("أنا حامل وفصيلة دمي سالبة، هل أحتاج إبرة؟")]
    [InlineData("وقعت عن الدرج من يومين وعندي كدمة بإجري")]
    [InlineData("وش أسوي إذا أحد أغمي عليه قدامي؟ أبي أتعلم الإسعافات")]
    [InlineData("كيف بحمي ولادي من بلع البطاريات؟")]
    public void Mild_recurrent_accidental_and_older_child_mentions_stay_quiet(string text)
    {
        var r = Detect(text);
        Assert.False(r.IsUrgent, string.Join(',', r.MatchedRules));
    }

    [Fact]
    public void Colloquial_letter_variants_match_without_taking_over_other_stems()
    {
        // Iraqi وكع (وقع, fell) comes from the ق→ك variant of the verb stem.
        Assert.Contains(RedFlagCategory.Unconscious, Compositional.Detect("ابويه وكع بالحمام وما يرد علينا").Categories);
        // حرق→حرك would make every "يتحرك" a burn; the lexicon's own حرك (move) wins.
        Assert.False(Compositional.Detect("الجنين يتحرك كثير بالليل وأحس بحركته في كل بطني").IsUrgent);
    }

    [Fact]
    public void Ma_joining_a_clause_is_not_a_negation()
    {
        // "بعد ما كلت": after I ate; the swallowing that follows is really impaired.
        var r = Compositional.Detect("بعد ما كلت جمبري جسمي كله اتملى بقع حمرا ومش عارفة أبلع");
        Assert.Contains(RedFlagCategory.Anaphylaxis, r.Categories);
        Assert.DoesNotContain(ArabicWordForms.Readings("كدمه"), x => x.Stem == "دم");
    }

    [Fact]
    public void The_subject_changes_what_a_fever_means()
    {
        Assert.Contains(RedFlagCategory.InfantFever, Compositional.Detect("بنتي عندها ٣ أسابيع وسخنة").Categories);
        Assert.False(Compositional.Detect("بنتي عندها ٣ سنين وسخنة").IsUrgent);
    }

    [Fact]
    public void Negation_reaches_the_verb_but_not_the_body_part_it_governs()
    {
        // "مش قادر يحرك رجله": the leg is the object of the lost ability, not a denied symptom.
        Assert.Contains(RedFlagCategory.Stroke, Compositional.Detect("خالي فجأة مش قادر يحرك رجله").Categories);
        Assert.False(Compositional.Detect("خالي مش حاسس بأي ضعف في رجله").IsUrgent);
    }

    [Fact]
    public void Self_harm_needs_the_act_to_fall_on_oneself()
    {
        Assert.Contains(RedFlagCategory.SelfHarm, Compositional.Detect("بفكر أأذي نفسي الليلة").Categories);
        Assert.False(Compositional.Detect("كيف أقطع عن نفسي التفكير الزائد؟").IsUrgent);
    }

    [Fact]
    public void New_categories_have_an_urgent_notice()
    {
        var text = SafetyMessages.Urgent([RedFlagCategory.DiabeticEmergency, RedFlagCategory.SevereInjury]);
        Assert.StartsWith(SafetyMessages.UrgentHeading, text, StringComparison.Ordinal);
        Assert.Contains("997", text, StringComparison.Ordinal);
        Assert.Contains("بالسكري", text, StringComparison.Ordinal);
        Assert.Contains("برّد الحرق", text, StringComparison.Ordinal);
        Assert.DoesNotContain("بالسكري", SafetyMessages.Urgent([RedFlagCategory.Cardiac]), StringComparison.Ordinal);
    }
}
