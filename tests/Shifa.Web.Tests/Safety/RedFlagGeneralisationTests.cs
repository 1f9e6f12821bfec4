using Shifa.Web.Safety;

namespace Shifa.Web.Tests.Safety;

// Concepts, rules and guards added after the dev12 set, each pinned on phrasings that are not in
// any labelled set, so that a pass shows the cause was fixed rather than one sentence learnt.
public sealed class RedFlagGeneralisationTests
{
    private static readonly RedFlagDetector Compositional = new([]);

    [Theory]
    [InlineData("أخوي عنده ألم شديد فجأة في بطنه ويستفرغ", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ابني يقول خصيته توجعه فجأة ويرجع", RedFlagCategory.AcuteAbdomen)]
    [InlineData("جدتي حرارتها عالية وصارت مشوشة", RedFlagCategory.Sepsis)]
    [InlineData("بنتي سخنة وما تتحمل النور", RedFlagCategory.Neurological)]
    [InlineData("أمي فجأة ما عادت تعرفنا", RedFlagCategory.Unconscious)]
    [InlineData("أبوي السكر عنده خمسمية وعم يستفرغ", RedFlagCategory.DiabeticEmergency)]
    [InlineData("رضيعي ما بلل الحفاض من الصبح", RedFlagCategory.InfantFever)]
    [InlineData("ألم في صدري بدأ لما طلعت الدرج وما خف مع الراحة ومعه عرق", RedFlagCategory.Cardiac)]
    [InlineData("ضرب راسه بالحيطة وبعدها صار يرتجف", RedFlagCategory.Neurological)]
    [InlineData("أختي توزع حاجاتها وتقول ما رح تشوفوني", RedFlagCategory.SelfHarm)]
    [InlineData("أمي حامل وعندها وجع قوي بجنبها ودايخة", RedFlagCategory.Pregnancy)]
    [InlineData("ولدي شرق بحبة عنب ووجهه صار أزرق", RedFlagCategory.Breathing)]
    [InlineData("خالي عامل طاح من ارتفاع وما يحس برجليه", RedFlagCategory.SevereInjury)]
    [InlineData("ابني عمره ١٤ سنة عنده وجع شديد فجأة في الخصية", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ما عاد فيني أكمل، كتبت رسالة لأهلي", RedFlagCategory.SelfHarm)]
    [InlineData("سقط والدي في الحمام ولا يستطيع النهوض ولا الكلام", RedFlagCategory.Unconscious)]
    [InlineData("ولدي شرب موية نار", RedFlagCategory.Poisoning)]
    [InlineData("بنتي ٦ أسابيع وسخنة", RedFlagCategory.InfantFever)]
    [InlineData("رضيعي يتنفس بسرعة ويطلع منه أنين", RedFlagCategory.InfantFever)]
    [InlineData("بنتي لقت حبوب الضغط تبع جدتها وبلعت منها", RedFlagCategory.Poisoning)]
    [InlineData("عمي وقع من فوق السطح ووجهه ينزف", RedFlagCategory.SevereInjury)]
    [InlineData("جدي عنده حمى وضغطه واطي ومش على بعضه", RedFlagCategory.Sepsis)]
    [InlineData("أختي قالت تبي تموت وسكرت الباب على نفسها", RedFlagCategory.SelfHarm)]
    [InlineData("بعد ما أخذت المضاد الحيوي صوتي صار مبحوح", RedFlagCategory.Anaphylaxis)]
    [InlineData("أخوي ما يقدر يبلع ريقه وحرارته عالية", RedFlagCategory.Breathing)]
    [InlineData("بنتي عندها ربو ومش قادرة تكمل جملة", RedFlagCategory.Breathing)]
    [InlineData("مرتي ولدت قبل أسبوع ونزيفها كثير وما وقف", RedFlagCategory.SevereBleeding)]
    [InlineData("أبوي بطنه منفوخ فجأة وما طلع منه براز من يومين", RedFlagCategory.AcuteAbdomen)]
    [InlineData("عمتي حرارتها عالية ورجليها مبقعة", RedFlagCategory.Sepsis)]
    [InlineData("جدتي عندها السكري وصارت تهذي", RedFlagCategory.DiabeticEmergency)]
    [InlineData("أختي عندها وجع بطن قوي وبطنها قاسي", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ولدي سخون ورقبتو يابسة", RedFlagCategory.Neurological)]
    [InlineData("جدي علقت لقمة بحلقه وما يقدر يتكلم", RedFlagCategory.Breathing)]
    [InlineData("بنتي أكلت فستق وطلع عليها طفح ونفسها صعب", RedFlagCategory.Anaphylaxis)]
    [InlineData("أخوي انصعق من الكهربا وصار مش واعي", RedFlagCategory.SevereInjury)]
    [InlineData("صدري مطبوق وعرقان وإيدي الشمال منملة", RedFlagCategory.Cardiac)]
    [InlineData("صرت أحس إنو ما في داعي عيش", RedFlagCategory.SelfHarm)]
    [InlineData("صاحبي حاط حبل وقال إنها آخر ليلة", RedFlagCategory.SelfHarm)]
    [InlineData("ولد جيرانا تضرب بجنوية فالكرش", RedFlagCategory.SevereInjury)]
    [InlineData("بنتي أكلت فطر من البر وبطنها يوجعها", RedFlagCategory.Poisoning)]
    public void New_concepts_and_rules_catch_other_phrasings(string text, RedFlagCategory expected)
    {
        var r = Compositional.Detect(text);
        Assert.Contains(expected, r.Categories);
    }

    [Theory]
    [InlineData("قبل أسبوع أغمي علي من الحر والحمد لله الفحوصات طلعت سليمة")]
    [InlineData("ابني جاته تشنج مع الحرارة وهو صغير، هل ممكن يرجع تاني؟")]
    [InlineData("شفت فيلم واحد فيه حاول ينتحر، كيف أعرف إذا صاحبي محتاج مساعدة؟")]
    [InlineData("ليش الأطفال تجيهم تشنجات مع الحرارة؟")]
    [InlineData("كم الحرارة الطبيعية للمولود؟")]
    [InlineData("المدير هيموتني من الشغل، عايز أرتاح شوية")]
    [InlineData("كاد نفسي ينقطع من الضحك على النكتة")]
    [InlineData("آخذ حبوب الضغط من عشر سنين وكلها تمام")]
    [InlineData("ولدي فيه سخانة خفيفة ويلعب عادي")]
    [InlineData("ابني تعبان هواية وما يوصل للمدرسة بوقته")]
    [InlineData("يجيني صداع نصفي مرة في الشهر وأنا حامل بالشهر الخامس، هل المسكن آمن؟")]
    [InlineData("ابني بقاله شهر عنده سخونية خفيفة بالليل")]
    [InlineData("ابني عمره ١٤ سنة يشتكي من ألم في الخصية، ايش السبب؟")]
    [InlineData("أختي حاولت تنتحر قبل ثلاث سنين والحين بخير، كيف أدعمها؟")]
    [InlineData("بنتي جاتها تشنجات مع الحرارة وهي صغيرة والحين عمرها سبع سنين وما تكررت")]
    [InlineData("زوجي يشخر بالليل ويوقف نفسه شوي، هل أخليه يسوي دراسة نوم؟")]
    [InlineData("نفسي أبطل تدخين، كيف أبدأ؟")]
    public void Past_recurrence_educational_figurative_and_chronic_guards_keep_quiet(string text)
    {
        var r = Compositional.Detect(text);
        Assert.False(r.IsUrgent, string.Join(',', r.MatchedRules));
    }

    // Causes found on the dev14 set, each pinned on phrasings written for this test in other dialects.
    [Theory]
    [InlineData("جدي عنده سكر من زمان ومن ربع ساعة صدره يوجعه وعرقان", RedFlagCategory.Cardiac)]
    [InlineData("أمي عندها ضغط من سنين وقبل شوي مسكت صدرها وعرقانة", RedFlagCategory.Cardiac)]
    [InlineData("حاسس بضيق في صدري ودايخ", RedFlagCategory.Cardiac)]
    [InlineData("عندي ضيق بصدري وعرقان", RedFlagCategory.Cardiac)]
    [InlineData("مرتي ولدت والدم ينزل هواي وصارت دايخة", RedFlagCategory.SevereBleeding)]
    [InlineData("بنتي ينزل منها دم كتل كبيرة ووجهها أصفر", RedFlagCategory.SevereBleeding)]
    [InlineData("بنتي بالعة بطارية صغيرة", RedFlagCategory.Poisoning)]
    [InlineData("لقيت ابني شارب من قزازة الجافيل", RedFlagCategory.Poisoning)]
    [InlineData("أبوي رش السم على الزرع وهلق عرقان وريالته نازلة", RedFlagCategory.Poisoning)]
    [InlineData("عمي كان يرش السم في المزرعة والحين يرجف ويعرق", RedFlagCategory.Poisoning)]
    [InlineData("خلاص قررت انهيها الليلة", RedFlagCategory.SelfHarm)]
    [InlineData("بدي انهيها وما حدا رح يوقفني", RedFlagCategory.SelfHarm)]
    [InlineData("اخوي وزع حاجاته كلها وعنده مسدس", RedFlagCategory.SelfHarm)]
    [InlineData("صاحبي ودعنا وقال انا رايح وما راجع", RedFlagCategory.SelfHarm)]
    [InlineData("الدورة متأخرة عندي شهر ونص وعندي وجع قوي بجنب واحد ودايخة", RedFlagCategory.Pregnancy)]
    [InlineData("البريود متأخر سبع أسابيع وعندي مغص جامد ونزيف", RedFlagCategory.Pregnancy)]
    [InlineData("ابني وقع من العجلة وطالع من ودنه ميه", RedFlagCategory.Neurological)]
    [InlineData("اخوي صار عليه حادث وينزل دم من اذنه", RedFlagCategory.Neurological)]
    [InlineData("ابني خبطته عربية وبيعيط", RedFlagCategory.SevereInjury)]
    [InlineData("ابني ضربتو سيارة وهو عم يقطع الشارع", RedFlagCategory.SevereInjury)]
    [InlineData("ولدي فيه صخونة ورقبته يابسة ما يقدر يحنيها", RedFlagCategory.Neurological)]
    [InlineData("بنتي عندها صخونه وما تتحمل الضوء وراسها يوجعها", RedFlagCategory.Neurological)]
    [InlineData("أمي من يومين ما طلع منها براز ولا ريح وبطنها منفوخ وعم تستفرغ", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ابويا بطنه منفوخه وبيرجع وما خرجش منه ريح من امبارح", RedFlagCategory.AcuteAbdomen)]
    [InlineData("بنتي عمرها ٨ شهور وبرازها فيه دم ومخاط زي الجلي", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ولدي يطلع معه براز فيه دم مثل المربى", RedFlagCategory.AcuteAbdomen)]
    [InlineData("جدي يتلقى علاج كيماوي ويشعر بحرارة", RedFlagCategory.Sepsis)]
    [InlineData("امي تاخد علاج كيماوي وارتفعت حرارتها", RedFlagCategory.Sepsis)]
    [InlineData("اخوي عنده سخونه وطلعت عليه بقع ويقول اول مره يحس بهالتعب", RedFlagCategory.Sepsis)]
    [InlineData("بنتي عندها حرارة وطالعة عليها بقع وبتقول بحياتها ما تعبت هيك", RedFlagCategory.Sepsis)]
    public void Dev14_causes_hold_on_other_phrasings(string message, RedFlagCategory expected)
    {
        var result = Compositional.Detect(message);
        Assert.True(result.IsUrgent, $"not urgent: {message}");
        Assert.Contains(expected, result.Categories);
    }

    // Figurative causes, a faint that is over, a cramp named with its body part: no notice.
    [Theory]
    [InlineData("اختنقت من الضحك لدرجة ما قدرت أتنفس")]
    [InlineData("أغمي علي من كثر الضحك على المقطع")]
    [InlineData("أبوي أغمي عليه لما شاف الإبرة وصحي بعد ثواني والحين بخير، ليش صار كذا؟")]
    [InlineData("رقبتي متشنجة من الشغل على الكمبيوتر")]
    [InlineData("عندي تشنج في رقبتي من النومة الغلط")]
    public void Dev14_false_alarm_causes_stay_quiet_on_other_phrasings(string message)
    {
        var result = RedFlagDetector.Rules.Detect(message);
        Assert.False(result.IsUrgent, $"urgent [{string.Join(',', result.MatchedRules)}]: {message}");
    }

    // Causes found on the dev13 set, each pinned on phrasings written for this test in other dialects.
    [Theory]
    [InlineData("قلبي يدق بسرعة وحسيت بدوخة وكأني بطيح", RedFlagCategory.Cardiac)]
    [InlineData("قلبي بيدق بسرعة وعينيا ضلمت", RedFlagCategory.Cardiac)]
    [InlineData("الدورة نازلة عندي كتير وصرت دايخة", RedFlagCategory.SevereBleeding)]
    [InlineData("بنتي البريود عندها غزير ووجهها أصفر ومخطوف", RedFlagCategory.SevereBleeding)]
    [InlineData("ما أقدر أتمدد على ظهري من ضيق النفس", RedFlagCategory.Breathing)]
    [InlineData("أبوي ينهج وما يقدر ينسدح", RedFlagCategory.Breathing)]
    [InlineData("بنتي بلعت قطعة لعبة وماسكة رقبتها وما تقدر تتكلم", RedFlagCategory.Breathing)]
    [InlineData("ابني كان بياكل فول سوداني ومسك زوره ومش قادر يتكلم", RedFlagCategory.Breathing)]
    [InlineData("قرصته عكربة سودا برجله", RedFlagCategory.Poisoning)]
    [InlineData("أخوي كتب رسالة يودعنا فيها وتلفونه ما يرد", RedFlagCategory.SelfHarm)]
    [InlineData("صاحبتي بعتتلي رسالة وداع ومش بترد عليا", RedFlagCategory.SelfHarm)]
    [InlineData("شريت سم فيران وناوي أخلص", RedFlagCategory.SelfHarm)]
    [InlineData("اشتريت مبيد حشرات وأفكر أنهي الموضوع", RedFlagCategory.SelfHarm)]
    [InlineData("أنا حامل بالشهر التامن وانسكبت مني مية كتير", RedFlagCategory.Pregnancy)]
    [InlineData("مرتي حامل في السابع وندلقت منها مويه", RedFlagCategory.Pregnancy)]
    [InlineData("ابني عنده ٨ شهور بيرجع وعنده اسهال وعينيه غايرة", RedFlagCategory.InfantFever)]
    [InlineData("طفلي يستفرغ من امبارح ونافوخه هابط", RedFlagCategory.InfantFever)]
    [InlineData("كليت الكاوكاو والحلق مزير", RedFlagCategory.Anaphylaxis)]
    [InlineData("ابني اكل مكسرات وفمه منفوخ", RedFlagCategory.Anaphylaxis)]
    [InlineData("جدتي وقعت ورجلها صارت أقصر من التانية", RedFlagCategory.SevereInjury)]
    [InlineData("أمي طاحت في الحمام ورجلها ملفوفة لبرا", RedFlagCategory.SevereInjury)]
    [InlineData("خالي عنده سكر وعم يعرق ويرجف", RedFlagCategory.DiabeticEmergency)]
    [InlineData("أبوي ياخذ ابر الانسولين وصار يتصرف بغرابة", RedFlagCategory.DiabeticEmergency)]
    [InlineData("ولدي عنده السكري ويرجع وينهج", RedFlagCategory.DiabeticEmergency)]
    [InlineData("أخويا عنده سكر وبيرجع وبينهج", RedFlagCategory.DiabeticEmergency)]
    [InlineData("الوجع بلش حول السرة وهلق صار بالجنب اليمين ومعه حرارة", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ولدي يشتكي من ألم تحت يمين ويستفرغ", RedFlagCategory.AcuteAbdomen)]
    [InlineData("أبوي بطنه منتفخ ومشدود ويرجع من أمس", RedFlagCategory.AcuteAbdomen)]
    [InlineData("بطني يوجعني ويروح للظهر وأستفرغ باستمرار", RedFlagCategory.AcuteAbdomen)]
    [InlineData("بطن أمي صار قاسي متل الحجر وعم توجعها", RedFlagCategory.AcuteAbdomen)]
    [InlineData("كرشو قاسحة وعندو السخانة", RedFlagCategory.AcuteAbdomen)]
    [InlineData("أمي تاخد كيماوي وجاتلها سخونية", RedFlagCategory.Sepsis)]
    [InlineData("بابا عم ياخد جلسات كيماوي وصار معه حرارة", RedFlagCategory.Sepsis)]
    [InlineData("بنتي عمرها سنة ونافوخها منفوخ", RedFlagCategory.Neurological)]
    [InlineData("الجنى يافوخو بارز", RedFlagCategory.Neurological)]
    [InlineData("انسكب الشاي المغلي على رجلي وطلعت فقاقيع", RedFlagCategory.SevereInjury)]
    [InlineData("اتدلق عليا الزيت المغلي على رجليا الاتنين", RedFlagCategory.SevereInjury)]
    [InlineData("أبوي شغل الموتور جوا الكراج وهلق راسه عم يوجعه ويستفرغ", RedFlagCategory.Poisoning)]
    [InlineData("الواليد خدام بالموطور فالكراج المسدود ودابا راسو كيضرو", RedFlagCategory.Poisoning)]
    [InlineData("جدي صار يغفى وما يعرف وين هو", RedFlagCategory.Unconscious)]
    [InlineData("مرتي حامل وجاتها تشنجات وضغطها عالي", RedFlagCategory.Pregnancy)]
    [InlineData("مراتي حامل في السابع وجالها تشنج وضغطها مرتفع", RedFlagCategory.Pregnancy)]
    [InlineData("ما نمت وأفكر أنهي كل شي", RedFlagCategory.SelfHarm)]
    [InlineData("ما بنام وبفكر انهي كل حاجة", RedFlagCategory.SelfHarm)]
    public void Dev13_causes_are_caught_in_other_phrasings(string text, RedFlagCategory expected)
    {
        var r = Compositional.Detect(text);
        Assert.Contains(expected, r.Categories);
    }

    [Theory]
    [InlineData("عندي حكة بس بدون ضيق تنفس")]
    [InlineData("طلع عندي طفح بلا انتفاخ ولا ضيق تنفس")]
    [InlineData("جفني بيرف من يومين، هل ده تشنج؟")]
    [InlineData("عندي رجفة بإيدي لما أتوتر، هل هذي نوبة صرع؟")]
    [InlineData("ولدي عمرو شهر كان عندو حمى الاسبوع الفات وهسي بخير")]
    [InlineData("أخذت حبة بنادول زيادة بالغلط")]
    [InlineData("بلعت قرص بروفين زيادة، هل فيه مشكلة؟")]
    [InlineData("واش الدم ملي كنمشي للطواليت بسبب البواسير خطير؟")]
    [InlineData("عندي زائدة جلدية صغيرة، هل تحتاج علاج؟")]
    public void Dev13_guards_keep_mild_asked_or_past_messages_quiet(string text)
    {
        var r = Compositional.Detect(text);
        Assert.False(r.IsUrgent, string.Join(',', r.MatchedRules));
    }

    [Theory]
    [InlineData("السكر الستمية")]
    [InlineData("السكر خمسمية")]
    [InlineData("السكر تلاتين")]
    public void Glucose_readings_written_as_number_words_are_extreme_values(string text)
    {
        var hits = ConceptTagger.Default.Tag(SafetyText.Fold(text), out _);
        Assert.Contains(hits, h => h.Concept == SymptomConcept.ExtremeValue);
    }

    [Fact]
    public void A_normal_glucose_word_is_not_extreme_and_a_duration_is_chronic()
    {
        Assert.DoesNotContain(ConceptTagger.Default.Tag(SafetyText.Fold("السكر ميه وعشرين"), out _), h => h.Concept == SymptomConcept.ExtremeValue);
        Assert.Contains(ConceptTagger.Default.Tag(SafetyText.Fold("عندي ضغط من خمس سنين"), out _), h => h.Concept == SymptomConcept.Recurrent);
    }

    [Fact]
    public void An_age_is_not_an_intensity()
    {
        // "عمره" (his age) once read as ع + مره, the Gulf "very".
        Assert.DoesNotContain(ConceptTagger.Default.Tag(SafetyText.Fold("ابني عمره سنتين"), out _), h => h.Concept == SymptomConcept.Severe);
    }

    [Fact]
    public void A_stable_or_old_diagnosis_named_by_the_doctor_is_not_an_attack_now()
    {
        Assert.False(RedFlagDetector.Rules.Detect("الدكتور قال لأمي عندها ذبحة صدرية مستقرة، هل تقدر تصوم؟").IsUrgent);
        Assert.True(RedFlagDetector.Rules.Detect("أبوي جاته ذبحة صدرية الحين").IsUrgent);
    }

    [Fact]
    public void Every_new_category_has_a_description_in_the_urgent_notice()
    {
        var text = SafetyMessages.Urgent([RedFlagCategory.AcuteAbdomen, RedFlagCategory.Sepsis]);
        Assert.StartsWith(SafetyMessages.UrgentHeading, text, StringComparison.Ordinal);
        Assert.Contains("997", text, StringComparison.Ordinal);
        Assert.Contains("جراحة عاجلة", text, StringComparison.Ordinal);
        Assert.Contains("تسمّم الدم", text, StringComparison.Ordinal);
        Assert.DoesNotContain("جراحة عاجلة", SafetyMessages.Urgent([RedFlagCategory.Cardiac]), StringComparison.Ordinal);
    }
}
