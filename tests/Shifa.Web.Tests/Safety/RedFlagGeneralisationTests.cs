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

    // Causes found on dev15 (formerly the held-out set heldout4), each pinned on phrasings written
    // for this test in other dialects: signs and readings that imply an emergency without naming it
    // (a pulse, oxygen or pressure figure; one-sided weakness; water running from a mouth corner; a
    // cord seen; green vomit in a child; fits without waking; vomiting while unrousable; peeling
    // scalds; vehicle injuries; an infection with confusion; fever after a birth; pesticide signs;
    // a hernia that hardens or will not go back; pills gathered with intent; standing at the edge).
    [Theory]
    [InlineData("أمي نبضها ٣٨ وتدوخ وما تقدر توقف", RedFlagCategory.Cardiac)]
    [InlineData("ابويا قلبه بيدق ١٥٠ في الدقيقة وحاسس انه هيغمى عليه", RedFlagCategory.Cardiac)]
    [InlineData("خوي النبض عنده ١٦٠ وصدره يوجعه", RedFlagCategory.Cardiac)]
    [InlineData("جهاز الأكسجين يقرأ ٨٧ عند جدي وهو يلهث", RedFlagCategory.Breathing)]
    [InlineData("الاوكسجين عند ابني نازل ٨٩ وبيتنفس بسرعة", RedFlagCategory.Breathing)]
    [InlineData("نسبة الأكسجين ٨٥ عند الواليدة", RedFlagCategory.Breathing)]
    [InlineData("انا حامل في الشهر السابع وضغطي ١٧٠ على ١١٠ وراسي يوجعني", RedFlagCategory.Pregnancy)]
    [InlineData("مرتي حامل وقاست الضغط طلع ١٦ على ١١", RedFlagCategory.Pregnancy)]
    [InlineData("بعد الولادة بيومين ضغطها ١٧٠/١١٥ وعندها صداع", RedFlagCategory.Pregnancy)]
    [InlineData("ضغط ابوي ٢٢٠ على ١٣٠ ومش شايف كويس", RedFlagCategory.Stroke)]
    [InlineData("ضغطي ١٩ على ١٢ وعندي ألم في صدري", RedFlagCategory.Stroke)]
    [InlineData("ضغط امي ٧٠ على ٤٠ وبطنها يوجعها بشدة", RedFlagCategory.AcuteAbdomen)]
    [InlineData("أكلت جمبري وطلع طفح في جسمي كله وضغطي نزل ٨٠ على ٥٠", RedFlagCategory.Anaphylaxis)]
    [InlineData("جدتي فجأة ايدها اليمين صارت ثقيلة وما تقدر تمسك الكاس", RedFlagCategory.Stroke)]
    [InlineData("ابويا مش قادر يحرك رجله الشمال من الصبح", RedFlagCategory.Stroke)]
    [InlineData("خالتي نص جسمها اليسار منمل وما تحس فيه", RedFlagCategory.Stroke)]
    [InlineData("الواليد ما بقاش كيحرك يدو ليسرى", RedFlagCategory.Stroke)]
    [InlineData("جدي الأكل والمويه يطيحون من طرف فمه فجأة", RedFlagCategory.Stroke)]
    [InlineData("أمي الميه بتنزل من جنب بقها وهي بتشرب ومش عارفة تتكلم", RedFlagCategory.Stroke)]
    [InlineData("بيي عم يسيل ريالته من طرف تمه", RedFlagCategory.Stroke)]
    [InlineData("انكسر الماء عند زوجتي وشايفين الحبل السري طالع", RedFlagCategory.Pregnancy)]
    [InlineData("مرتي نزلت مويتها والحبل السري نازل لبرا", RedFlagCategory.Pregnancy)]
    [InlineData("الحبل السري بان بعد ما انفجر كيس الماء", RedFlagCategory.Pregnancy)]
    [InlineData("ابني عمره ٣ اسابيع يستفرغ اخضر", RedFlagCategory.InfantFever)]
    [InlineData("البيبي بيرجع لون أخضر من الصبح", RedFlagCategory.InfantFever)]
    [InlineData("بنتي الصغيرة كتقيا شي حاجة خضرا", RedFlagCategory.InfantFever)]
    [InlineData("اخوي جاته نوبة صرع وبعدها جاته ثانية وما صحى بينهم", RedFlagCategory.Seizure)]
    [InlineData("ابني بيتشنج من عشر دقايق وما فاقش", RedFlagCategory.Seizure)]
    [InlineData("بنتي اجتها تشنجات ورا بعض", RedFlagCategory.Seizure)]
    [InlineData("صاحبي شارب كثير ونايم وما يصحى وقاعد يستفرغ", RedFlagCategory.Unconscious)]
    [InlineData("ابويا بيرجع وهو مش بيفوق", RedFlagCategory.Unconscious)]
    [InlineData("خالي يستفرغ وما يكعد مهما هزيناه", RedFlagCategory.Unconscious)]
    [InlineData("وقع الزيت المغلي على رجل ابني وجلده بيتقشر", RedFlagCategory.SevereInjury)]
    [InlineData("انكب الشاي الحار على بطن بنتي وصار جلدها أبيض", RedFlagCategory.SevereInjury)]
    [InlineData("تدلق عليها الماء المغلي وطلعت فقاعات كبيرة في صدرها", RedFlagCategory.SevereInjury)]
    [InlineData("عربية خبطت ابن خالي وهو بيعدي الشارع وراسه بينزف", RedFlagCategory.SevereInjury)]
    [InlineData("طاح من الموتور وما يتذكر شنو صار", RedFlagCategory.SevereInjury)]
    [InlineData("دعمته سيارة وهو يقطع الطريق ورجله مكسورة", RedFlagCategory.SevereInjury)]
    [InlineData("انصاب ابن عمي بطلقة في رجله والدم ما يوقف", RedFlagCategory.SevereInjury)]
    [InlineData("ابني حرارته ٣٩ وما يقدر ينزل ذقنه على صدره", RedFlagCategory.Neurological)]
    [InlineData("بنتي سخنة ومش قادرة تلمس صدرها بدقنها", RedFlagCategory.Neurological)]
    [InlineData("الفتق اللي عند ابوي صار قاسي ولونه ازرق", RedFlagCategory.AcuteAbdomen)]
    [InlineData("عندي فتق من سنين واليوم ما عاد يرجع لجوا ووجعه فظيع", RedFlagCategory.AcuteAbdomen)]
    [InlineData("الفتاق ديالي ولا قاسح وما بغاش يدخل", RedFlagCategory.AcuteAbdomen)]
    [InlineData("جدي عنده التهاب رئوي وصار يخرف وما يعرفنا", RedFlagCategory.Sepsis)]
    [InlineData("امي عندها التهاب في البول وفجأة بقت مش واعية", RedFlagCategory.Sepsis)]
    [InlineData("الحاج عندو التهاب فالجرح وولا كيخلط فالهضرة", RedFlagCategory.Sepsis)]
    [InlineData("مرتي ولدت من أسبوع وعندها سخونة وإفرازات ريحتها وحشة", RedFlagCategory.Sepsis)]
    [InlineData("بعد الولادة صار عندها حمى ورعشة قوية", RedFlagCategory.Sepsis)]
    [InlineData("جرح ايده بالسكين وربطناه بقماشة والدم لسا بينزل", RedFlagCategory.SevereBleeding)]
    [InlineData("ضغطنا على الجرح بفوطة عشر دقايق والدم ما وقف", RedFlagCategory.SevereBleeding)]
    [InlineData("جارنا كان يرش مبيد بالمزرعة والحين يعرق وايد وعيونه صغيرة", RedFlagCategory.Poisoning)]
    [InlineData("ابويا رش مبيد للزرع وبقى بيريل ويرتعش", RedFlagCategory.Poisoning)]
    [InlineData("عمي اشتغل بالمبيدات وهسه يستفرغ ونفسه ضايق", RedFlagCategory.Poisoning)]
    [InlineData("عم جمع حبوب المنوم من شهر وناوية آخدهن كلهن", RedFlagCategory.SelfHarm)]
    [InlineData("جمعت الحبوب كلها ومقرر الليلة", RedFlagCategory.SelfHarm)]
    [InlineData("أنا على الجسر الحين وما عاد أقدر أكمل", RedFlagCategory.SelfHarm)]
    [InlineData("واقف فوق سطح العمارة وعايز انط", RedFlagCategory.SelfHarm)]
    [InlineData("ما عدت قادر أكمل هالحياة", RedFlagCategory.SelfHarm)]
    [InlineData("بنتي عندها سكري والكيتونات عالية وتتنفس بسرعة", RedFlagCategory.DiabeticEmergency)]
    [InlineData("أبوي عنده سكر والقراية ٥٥٠ وهو مدوخ", RedFlagCategory.DiabeticEmergency)]
    [InlineData("ابني بطنه بتوجعه تحت على اليمين وسخن", RedFlagCategory.AcuteAbdomen)]
    public void Dev15_causes_hold_on_other_phrasings(string message, RedFlagCategory expected)
    {
        var result = Compositional.Detect(message);
        Assert.True(result.IsUrgent, $"not urgent: {message}");
        Assert.Contains(expected, result.Categories);
    }

    // Near misses of the same causes (normal readings, exertion, sleep, a stump falling off, a mild
    // scald, a reducible hernia) and the dev15 false-alarm causes (prevention, exams and football
    // crowds, accident objects, controlled epilepsy, a past febrile fit, a denied thought): no notice.
    [Theory]
    [InlineData("بعد الجري نبضي وصل ١٤٠ وبعدين رجع طبيعي")]
    [InlineData("نبضي ٧٥ وأحس بدوخة خفيفة")]
    [InlineData("الأكسجين عندي ٩٨ والحمد لله بس عندي كحة")]
    [InlineData("أنا حامل وضغطي ١١٠ على ٧٠ هل هذا طبيعي؟")]
    [InlineData("ضغطي ١٤٠ على ٩٠ اليوم، هل أغير الدواء؟")]
    [InlineData("ما اقدر ارفع يدي اليمين من ألم الكتف من شهر")]
    [InlineData("رجلي اليسار تنمل لما أقعد كثير")]
    [InlineData("ابني يسيل لعابه من طرف فمه وهو نايم")]
    [InlineData("متى يطيح الحبل السري عند المولود؟")]
    [InlineData("ابني أكل سبانخ وبرازه صار أخضر")]
    [InlineData("بنتي عندها صرع بس صار لها سنة بلا نوبات، هل تقدر تسوق؟")]
    [InlineData("ابني استفرغ مرة بالليل وبعدين نام عادي وصحي كويس")]
    [InlineData("انكب علي شاي حار على ايدي واحمرت شوي")]
    [InlineData("صار معي حادث بسيط بالسيارة الأسبوع الماضي وما فيني شي")]
    [InlineData("عندي فتق صغير ويرجع لما أستلقي، هل لازم عملية؟")]
    [InlineData("عندي التهاب مسالك خفيف، شو أفضل مضاد؟")]
    [InlineData("بعد الولادة بشهر عندي افرازات بنية بدون ريحة ولا حرارة، طبيعي؟")]
    [InlineData("هل المبيدات الحشرية خطيرة على الأطفال إذا رشيتها بالبيت؟")]
    [InlineData("كيف أقلل خطر الجلطة عند أبوي")]
    [InlineData("الامتحان خنقني ما عرفت اتنفس من كتر الاسئلة")]
    [InlineData("الجمهور كله اتشنج لما ضيعوا البلنتي")]
    [InlineData("ضربت راسي بالرف وطلعت كدمة صغيرة")]
    [InlineData("بنتي عندها صرع ومنتظمة على الدوا ومن غير نوبات من سنتين")]
    [InlineData("ابني جاه تشنج حراري وهو عمره سنة، هل ممكن يرجع؟")]
    [InlineData("ما عندي أي فكرة أأذي نفسي بس حاسس بضيقة من شهر")]
    [InlineData("ابني وقع من البسكليت وانجرح جرح سطحي في ركبته")]
    [InlineData("ما قدرت أكمل دراستي هالسنة بسبب الشغل")]
    [InlineData("وين أحسن مكان أشوف منه الجسر بالليل؟")]
    [InlineData("خالتي حامل وتسأل عن أفضل رياضة في الشهر السابع")]
    public void Dev15_near_misses_and_false_alarm_causes_stay_quiet(string message)
    {
        var result = RedFlagDetector.Rules.Detect(message);
        Assert.False(result.IsUrgent, $"urgent [{string.Join(',', result.MatchedRules)}]: {message}");
    }

    [Theory]
    [InlineData("الضغط ١٦٥ على ١١٠", "HighPressure")]
    [InlineData("ضغطه ١٨ على ١٢", "CrisisPressure")]
    [InlineData("ضغطي سبعون على أربعين", "LowPressure")]
    [InlineData("النبض مالته ١٤٠", "PulseAbnormal")]
    [InlineData("الجهاز يقرا الاكسجين ٨٤", "LowOxygen")]
    [InlineData("تنفسه ٣٦ في الدقيقة", "Fast")]
    [InlineData("حرارته ٣٤", "Hypothermia")]
    public void Readings_are_read_as_signs(string text, string concept)
    {
        var expected = Enum.Parse<SymptomConcept>(concept);
        Assert.Contains(ConceptTagger.Default.Tag(SafetyText.Fold(text), out _), h => h.Concept == expected);
    }

    [Theory]
    [InlineData("عنده ضغط وسكر وعمره ٦٥")]
    [InlineData("ضغطي ١٢٠ على ٨٠")]
    [InlineData("الاكسجين ٩٧")]
    [InlineData("عنده ضغط من ١٠ سنين")]
    [InlineData("نفسها ٢٠ في الدقيقة")]
    public void Ages_durations_and_normal_readings_are_not_signs(string text)
    {
        var hits = ConceptTagger.Default.Tag(SafetyText.Fold(text), out _);
        Assert.DoesNotContain(hits, h => h.Concept is SymptomConcept.HighPressure or SymptomConcept.CrisisPressure or SymptomConcept.LowPressure or SymptomConcept.LowOxygen or SymptomConcept.PulseAbnormal or SymptomConcept.Fast);
    }

    [Fact]
    public void A_breathing_rate_or_pulse_of_forty_is_not_a_fever()
    {
        Assert.DoesNotContain(ConceptTagger.Default.Tag(SafetyText.Fold("تنفسه ٤٠ بالدقيقة"), out _), h => h.Concept == SymptomConcept.Fever);
        Assert.DoesNotContain(ConceptTagger.Default.Tag(SafetyText.Fold("النبض ٤٠"), out _), h => h.Concept == SymptomConcept.Fever);
        Assert.Contains(ConceptTagger.Default.Tag(SafetyText.Fold("حرارته ٤٠"), out _), h => h.Concept == SymptomConcept.Fever);
        Assert.False(RedFlagDetector.Rules.Detect("ابني عمره شهرين وتنفسه ٤٠ بالدقيقة وهو نايم، طبيعي؟").IsUrgent);
        Assert.True(RedFlagDetector.Rules.Detect("بنتي عمرها شهر وعدد انفاسها ٧٠ في الدقيقة").IsUrgent);
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
