using Shifa.Web.Safety;

namespace Shifa.Web.Tests.Safety;

// Emergency signs taken from a triage checklist (NHS 111, WHO IMCI danger signs) category by
// category and written as patients and relatives write them, in MSA and dialects, describing the
// sign or the reading rather than naming the condition. None of these messages is in a labelled set.
public sealed class RedFlagTriageSignTests
{
    private static readonly RedFlagDetector Compositional = new([]);

    // Signs from an emergency triage checklist the lexicon lacked, written for this test (no
    // labelled set has them): no pulse, sudden double vision, a blow or bleeding on blood thinners,
    // near-drowning, smoke inhaled in a fire, flaring nostrils, a fall in pregnancy, vomiting with
    // dehydration in pregnancy, a cold baby, a severed finger, a chemical in the eye, urine retention.
    [Theory]
    [InlineData("جدي طاح وما فيه نبض", RedFlagCategory.Cardiac)]
    [InlineData("ما لاقيين نبض لابويا وما يتنفس", RedFlagCategory.Breathing)]
    [InlineData("فجأة صرت أشوف كل شي دبل وراسي يلف", RedFlagCategory.Stroke)]
    [InlineData("امي فجأة صارت تشوف دبل", RedFlagCategory.Stroke)]
    [InlineData("ابوي ياخذ مميع للدم وطاح على راسه اليوم", RedFlagCategory.Neurological)]
    [InlineData("جدتي على الوارفارين وانضربت براسها بالباب", RedFlagCategory.Neurological)]
    [InlineData("عمي ياخذ مميعات وصار يستفرغ دم", RedFlagCategory.SevereBleeding)]
    [InlineData("ابني غرق في المسبح وطلعناه وهو يكح ونفسه صعب", RedFlagCategory.Breathing)]
    [InlineData("طلعنا بنتي من البحر وكانت زرقا وما ترد", RedFlagCategory.Breathing)]
    [InlineData("صار حريق في الشقة وأبوي استنشق دخان وصوته تغير", RedFlagCategory.Breathing)]
    [InlineData("ولدي شم دخان كثير من الحريق وصار يكح وما يقدر يتنفس", RedFlagCategory.Breathing)]
    [InlineData("رضيعي مناخيره بتفتح وتقفل وهو بيتنفس", RedFlagCategory.InfantFever)]
    [InlineData("البيبي فتحات انفه تتوسع مع كل نفس", RedFlagCategory.Breathing)]
    [InlineData("مرتي حامل وطاحت على بطنها ونزل دم", RedFlagCategory.Pregnancy)]
    [InlineData("أنا حامل في الشهر السادس وانضربت بالسيارة وبطني يوجعني", RedFlagCategory.Pregnancy)]
    [InlineData("حامل وترجع كل شي ولسانها ناشف وما تبول", RedFlagCategory.Pregnancy)]
    [InlineData("رضيعي عمره اسبوعين حرارته ٣٥", RedFlagCategory.InfantFever)]
    [InlineData("صبع ابني انقطع بالباب", RedFlagCategory.SevereInjury)]
    [InlineData("اخوي ماكينة قصت صباعه وطار", RedFlagCategory.SevereInjury)]
    [InlineData("انرش كلور في عين بنتي وتحرقها", RedFlagCategory.SevereInjury)]
    [InlineData("دخل ماء نار في عين ابوي", RedFlagCategory.SevereInjury)]
    [InlineData("جدي ما بال من امس وبطنه منفوخ ويوجعه", RedFlagCategory.AcuteAbdomen)]
    public void Triage_checklist_signs_are_caught(string message, RedFlagCategory expected)
    {
        var result = Compositional.Detect(message);
        Assert.True(result.IsUrgent, $"not urgent: {message}");
        Assert.Contains(expected, result.Categories);
    }

    // Their near misses: a denied symptom, normal readings, a medicine question, prevention, a fall
    // that is over, morning sickness, a kitchen nick, chlorine in a pool, a figurative stopped heart.
    [Theory]
    [InlineData("ما عندي خفقان ولا ألم في صدري بس عندي كحة")]
    [InlineData("نبضي ٧٠ وضغطي ١٢٠ على ٨٠ والحمد لله")]
    [InlineData("عيوني تزغلل لما أقرأ كثير من شهور")]
    [InlineData("ابوي ياخذ مميع للدم، هل يقدر ياكل سبانخ؟")]
    [InlineData("جدتي على الوارفارين وتبي تسوي تحليل السيولة")]
    [InlineData("ابني يتعلم السباحة ويخاف يغرق، كيف أشجعه؟")]
    [InlineData("كيف نحمي البيت من الحريق؟")]
    [InlineData("أنا حامل وطحت على ركبتي امس وكله تمام والبيبي يتحرك")]
    [InlineData("حامل وعندي غثيان الصبح وترجيع خفيف")]
    [InlineData("قطعت صبعي وأنا أقطع البصل جرح صغير")]
    [InlineData("الكلور في المسبح يحرق عيوني شوي")]
    [InlineData("ابوي يصحى بالليل كثير يبول، هل هذا من البروستات؟")]
    [InlineData("قلبي وقف من الخوف لما شفت النتيجة")]
    public void Triage_checklist_near_misses_stay_quiet(string message)
    {
        var result = RedFlagDetector.Default.Detect(message);
        Assert.False(result.IsUrgent, $"urgent [{string.Join(',', result.MatchedRules)}]: {message}");
    }

    // Signs across the sixteen categories in nine dialects: pressure or weight on the chest, a
    // crooked mouth, blood that will not stop, ribs drawn in, a child who drank kerosene, a farewell
    // with the phone switched off, waters with bleeding, a fit with rolled eyes, scorpion and bee
    // stings, a glucose meter reading "HI", a bone through the skin, mottled skin.
    [Theory]
    [InlineData("ابوي يحس بثقل على صدره من نص ساعة وعرقان وبارد", RedFlagCategory.Cardiac)]
    [InlineData("جوزي بيقول صدره مقبوض وايده الشمال منملة ووشه اصفر", RedFlagCategory.Cardiac)]
    [InlineData("خالي حاسس بحرقة بصدره وتعرق وايد ودايخ وعمره ٦٠", RedFlagCategory.Cardiac)]
    [InlineData("عمتي وجهها مال على جنب وكلامها صار تقيل", RedFlagCategory.Stroke)]
    [InlineData("جدي صار يتكلم كلام ما له معنى ونص وجهه نازل", RedFlagCategory.Stroke)]
    [InlineData("امي ما عادت تقدر تمسك المعلقة بيدها اليمين وصار فمها معوج", RedFlagCategory.Stroke)]
    [InlineData("الوالد فجأة ما بقاش كيشوف بعين وحدة", RedFlagCategory.Stroke)]
    [InlineData("ابني جرح رجله بالزجاج والدم يطلع بقوة وما يوقف", RedFlagCategory.SevereBleeding)]
    [InlineData("اختي تنزف من انفها من ساعة وما وقف رغم الضغط", RedFlagCategory.Stroke)]
    [InlineData("ابوي استفرغ شي زي القهوة وصار دايخ", RedFlagCategory.SevereBleeding)]
    [InlineData("جدتي برازها اسود زي القطران وهي دايخة", RedFlagCategory.SevereBleeding)]
    [InlineData("بنتي ما تقدر تتنفس وتطلع صوت صفير وشفايفها زرقا", RedFlagCategory.Breathing)]
    [InlineData("ابني نفسه سريع وصدره ينسحب لداخل مع كل نفس", RedFlagCategory.Breathing)]
    [InlineData("امي عندها ربو والبخاخ ما نفع وما تقدر تكمل كلمة", RedFlagCategory.Breathing)]
    [InlineData("اخوي بلع حبوب الضغط كلها تبع ابوي", RedFlagCategory.Poisoning)]
    [InlineData("الشغالة شربت كلوركس بالغلط وتستفرغ", RedFlagCategory.Poisoning)]
    [InlineData("بنتي عمرها سنتين لقيناها شربت من قارورة الكاز", RedFlagCategory.Poisoning)]
    [InlineData("ولدي لدغته عقرب في رجله وصارت تورم وهو يعرق", RedFlagCategory.Poisoning)]
    [InlineData("صاحبي قال لي انه كتب رسالة لأهله وسكر تلفونه", RedFlagCategory.SelfHarm)]
    [InlineData("اختي تقول ما عاد لها خلق تعيش وجمعت حبوب", RedFlagCategory.SelfHarm)]
    [InlineData("انا ما بقيت نقدر نعيش وحضرت الحبل", RedFlagCategory.SelfHarm)]
    [InlineData("زوجتي حامل في الشهر التاسع والماي نزل منها وهي تنزف", RedFlagCategory.Pregnancy)]
    [InlineData("مرتي حامل ٣٢ اسبوع وما حست بحركة البيبي من امس", RedFlagCategory.Pregnancy)]
    [InlineData("أختي حامل وعندها صداع ما يروح وتشوف نجوم ورجليها منفخات", RedFlagCategory.Pregnancy)]
    [InlineData("مرتي بعد الولادة تنزف كثير وملت فوطتين في ساعة", RedFlagCategory.SevereBleeding)]
    [InlineData("بنتي عمرها شهرين وحرارتها ٣٨.٥", RedFlagCategory.InfantFever)]
    [InlineData("ابني عمره ٦ اسابيع ما يرضع من الصبح ونعسان", RedFlagCategory.InfantFever)]
    [InlineData("الرضيع لونه ازرق حول فمه وهو يرضع", RedFlagCategory.Breathing)]
    [InlineData("ابني جاه تشنج لأول مرة وعيونه مقلوبة وزبد من فمه", RedFlagCategory.Seizure)]
    [InlineData("عمي ضل يرجف ٧ دقايق وما صحي", RedFlagCategory.Seizure)]
    [InlineData("لقينا جدي على الارض ما يرد علينا", RedFlagCategory.Unconscious)]
    [InlineData("ابوي نايم وما نقدر نصحيه وتنفسه غريب", RedFlagCategory.Breathing)]
    [InlineData("بعد ما اكل فول سوداني ابني وجهه تورم وصوته تغير", RedFlagCategory.Anaphylaxis)]
    [InlineData("اختي انقرصت من نحلة وحلقها يضيق وتحك", RedFlagCategory.Anaphylaxis)]
    [InlineData("ابني ضرب راسه وصار يستفرغ ونعسان", RedFlagCategory.Neurological)]
    [InlineData("اخوي عنده صداع قوي فجأة كأنها ضربة مطرقة", RedFlagCategory.Neurological)]
    [InlineData("بنتي حرارتها ٤٠ ورقبتها ناشفة وما تحب الضو", RedFlagCategory.Neurological)]
    [InlineData("ابني عنده حرارة وطفح بنفسجي ما يختفي لما نضغط عليه", RedFlagCategory.Neurological)]
    [InlineData("ابوي عنده سكري والسكر ٤٠ ويعرق وما يرد", RedFlagCategory.Unconscious)]
    [InlineData("اختي عندها سكر نوع اول ونفسها ريحته اسيتون وتستفرغ", RedFlagCategory.DiabeticEmergency)]
    [InlineData("جهاز السكر يقول HI وابني نعسان ويستفرغ", RedFlagCategory.DiabeticEmergency)]
    [InlineData("عامل طاح من السقالة من الطابق التالت وما يتحرك", RedFlagCategory.SevereInjury)]
    [InlineData("ابني انكسرت رجله والعظم طالع من الجلد", RedFlagCategory.SevereInjury)]
    [InlineData("اخوي انطعن بسكين في بطنه", RedFlagCategory.SevereInjury)]
    [InlineData("ابني مسك سلك كهربا وصار يرجف وما يتكلم", RedFlagCategory.Seizure)]
    [InlineData("ابوي عنده وجع بطن شديد وبطنه ناشف زي الخشب", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ابني عنده ١٥ سنة وخصيته توجعه فجأة ويستفرغ", RedFlagCategory.AcuteAbdomen)]
    [InlineData("امي عندها حرارة ورجفة وصارت تخربط ونبضها سريع", RedFlagCategory.Sepsis)]
    [InlineData("جدي حرارته عالية وجلده مبقع وما يبول", RedFlagCategory.Sepsis)]
    [InlineData("الحاجة عندها سخانة وولات ما كتفيقش مزيان", RedFlagCategory.Unconscious)]
    [InlineData("ابن اختي عمره ٣ شهور حرارته ٣٩ ويبكي بكا ضعيف", RedFlagCategory.InfantFever)]
    [InlineData("واحد في الشارع طاح ووجهه ازرق وما يتنفس", RedFlagCategory.Breathing)]
    [InlineData("جدتي فجأة صارت ما تعرف وين هي", RedFlagCategory.Stroke)]
    [InlineData("ابني عمره ٤ سنين شرب دوا الحرارة كله", RedFlagCategory.Poisoning)]
    [InlineData("عمي عنده ضغط ١٩٠ على ١٢٠ وراسه مصدع وما يشوف زين", RedFlagCategory.Stroke)]
    [InlineData("امي حامل وضغطها ١٥٠ على ١٠٠ وعندها صداع شديد وزغللة", RedFlagCategory.Pregnancy)]
    [InlineData("الواليد كيضرو صدرو بزاف وكيعرق وكيقول دراعو تقيلة", RedFlagCategory.Cardiac)]
    [InlineData("خويا طاح فالزنقة وما فاقش ووجهو زرق", RedFlagCategory.Breathing)]
    [InlineData("الشافع سخن شديد شديد ورقبتو قاسية وبيكورك", RedFlagCategory.Neurological)]
    [InlineData("الزول دا بطنو بتوجعو وبيطرش دم", RedFlagCategory.SevereBleeding)]
    [InlineData("مرتو حامل في التاسع وبتنزف شديد هسي", RedFlagCategory.SevereBleeding)]
    [InlineData("ولدي نفسه يطلع وينزل بسرعة وشفايفه زرقة ومش قادر يرضع", RedFlagCategory.Breathing)]
    [InlineData("ابني عمره ٣ سنين بلع بطارية صغيرة من حق الريموت", RedFlagCategory.Poisoning)]
    [InlineData("جهالي اكلوا حبوب من حق جدتهم واحد منهم ينعس", RedFlagCategory.Poisoning)]
    [InlineData("ابوي قده يومين ما ياكل ويتقيا وصار يخربط بالكلام", RedFlagCategory.Unconscious)]
    [InlineData("امي تعبانة مره والسكر حقها ٤٥٠ وتتنفس بسرعة", RedFlagCategory.DiabeticEmergency)]
    [InlineData("صغيري سخانته هلبا وجاته رعشة وعيونه طلعت لفوق", RedFlagCategory.Seizure)]
    [InlineData("خوي يبي يقتل روحه وعنده مسدس", RedFlagCategory.SelfHarm)]
    [InlineData("ولدي كلش ديلهث وصدره ديطب لجوه", RedFlagCategory.Breathing)]
    [InlineData("خالتي ماكو نبض بيدها وهي باردة ولونها ازرق", RedFlagCategory.Breathing)]
    [InlineData("بنتي لسانها ورم بعد ما اكلت الجوز وما تكدر تبلع", RedFlagCategory.Anaphylaxis)]
    [InlineData("ابويا حصلتله حاجة في الشغل وقع من فوق ومش حاسس برجليه", RedFlagCategory.SevereInjury)]
    [InlineData("عندي وجع في صدري بيروح لضهري زي السكينة وفجأة", RedFlagCategory.Cardiac)]
    [InlineData("امي فجأة تلخبط في الكلام ومش قادرة ترفع ايدها", RedFlagCategory.Stroke)]
    [InlineData("اخوي ضربته عقرب وصار يرجف ويريل", RedFlagCategory.Seizure)]
    [InlineData("الطفلة عمرها ٢٠ يوم وصفرا بزاف ومكتاكلش", RedFlagCategory.InfantFever)]
    [InlineData("جارتنا تنزف بعد الاجهاض ودايخة", RedFlagCategory.Pregnancy)]
    [InlineData("بنتي عمرها ١٦ وتقول بطنها يوجعها تحت يمين ودورتها متأخرة ودايخة", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ابوي قاعد يكح دم كثير", RedFlagCategory.SevereBleeding)]
    [InlineData("عمتي صار لها ساعة ما تعرف تتكلم وفمها مايل", RedFlagCategory.Stroke)]
    [InlineData("الوالدة دخلات فغيبوبة وهي عندها السكر", RedFlagCategory.Unconscious)]
    [InlineData("ابني عمره سنة وحرارته ٤٠ وصار يتشنج", RedFlagCategory.Seizure)]
    [InlineData("شاب في الشارع طاح وصار يرتعش وطالع من فمه زبد", RedFlagCategory.Seizure)]
    [InlineData("ولدي يلعب ودخلت حبة فستق في خشمه وصار يكح ويتخنق", RedFlagCategory.Breathing)]
    [InlineData("خويا داير حادث بالطونوبيل ومكيتنفسش مزيان", RedFlagCategory.Breathing)]
    [InlineData("ابوي عمره ٧٠ صدره مطبق عليه وضهره يعرق ولونه رمادي", RedFlagCategory.Cardiac)]
    [InlineData("الحاجة قلبها يرفرف ودايخة وما قدرت توقف", RedFlagCategory.Cardiac)]
    [InlineData("جوزي قاعد يتلعثم وإيده اليمين مش قادر يرفعها", RedFlagCategory.Stroke)]
    [InlineData("الراجل دا خشمو بينزف من ساعتين ما وقف وبقى دايخ", RedFlagCategory.Stroke)]
    [InlineData("خالتي تنزف من تحت بعد ما ولدت والدم يغرق الفرش", RedFlagCategory.SevereBleeding)]
    [InlineData("اختي تلهث ما تقدر تاخذ نفس وصدرها يصفر", RedFlagCategory.Breathing)]
    [InlineData("ولدي ابتلع قطعة لحم وما يقدر يتكلم ويمسك رقبته", RedFlagCategory.Stroke)]
    [InlineData("بنتي شربت من زجاجة الديتول وحلقها يحرقها", RedFlagCategory.Poisoning)]
    [InlineData("الولد بلع حبوب امه للأعصاب كلها", RedFlagCategory.Poisoning)]
    [InlineData("اخوي عضه ثعبان في رجله وهي تتورم وتزرق", RedFlagCategory.Poisoning)]
    [InlineData("ابوي سكران ونايم على ظهره ويستفرغ وما يصحى", RedFlagCategory.Unconscious)]
    [InlineData("اختي قالت انها بتنهي حياتها الليلة وقفلت الباب", RedFlagCategory.SelfHarm)]
    [InlineData("جارنا هددنا انه بيرمي نفسه من فوق البناية", RedFlagCategory.SelfHarm)]
    [InlineData("مرتي حامل ٢٨ اسبوع ونزل منها مويه وعندها طلق", RedFlagCategory.Pregnancy)]
    [InlineData("حامل في الشهر الرابع وعندي نزيف ووجع قوي تحت", RedFlagCategory.SevereBleeding)]
    [InlineData("الطفل عمره ١٠ ايام وحرارته ٣٨ وما يرضع", RedFlagCategory.InfantFever)]
    [InlineData("بنتي عمرها شهر ونص وتتنفس بسرعة وبطنها يطلع وينزل", RedFlagCategory.Breathing)]
    [InlineData("ابني عمره سنتين بيتشنج ولونه ازرق", RedFlagCategory.Breathing)]
    [InlineData("اخوي طاح ودق راسه وصار يستفرغ ويخرف", RedFlagCategory.Neurological)]
    [InlineData("امي فجأة صارت تعبانة مرة وما ترد وعيونها مسكرة", RedFlagCategory.Unconscious)]
    [InlineData("ابني اكل جمبري وانتفخت شفايفه وصار يكح وصوته مبحوح", RedFlagCategory.Anaphylaxis)]
    [InlineData("جوزي بعد ما اخد الحقنة وشه ورم ومش قادر ياخد نفسه", RedFlagCategory.Breathing)]
    [InlineData("صداع فجأة أسوأ صداع بحياتي واستفرغت", RedFlagCategory.Neurological)]
    [InlineData("ابني حرارته عالية ورقبته متيبسة ونعسان", RedFlagCategory.Neurological)]
    [InlineData("بنتي عندها حمى وحبوب حمرا ما تروح بالضغط", RedFlagCategory.Neurological)]
    [InlineData("امي عندها سكري ولقيناها مش بتتكلم وعرقانة", RedFlagCategory.Unconscious)]
    [InlineData("ابني السكر عنده ٥٠٠ وريحة فمه زي التفاح وبيتنفس بعمق", RedFlagCategory.DiabeticEmergency)]
    [InlineData("عمي طاح من النخلة وما يحس برجوله", RedFlagCategory.SevereInjury)]
    [InlineData("الحداد اتكهرب ووقع ومش بيرد", RedFlagCategory.Unconscious)]
    [InlineData("ابن جيراننا انحرق بالزيت ونص جسمه محروق", RedFlagCategory.SevereInjury)]
    [InlineData("بطن ابوي انتفخت فجأة وما طلع منه ريح ويستفرغ", RedFlagCategory.AcuteAbdomen)]
    [InlineData("ابني عنده وجع في السرة راح لليمين وسخن ويرجع", RedFlagCategory.AcuteAbdomen)]
    [InlineData("جدي حرارته ٣٩ ويرجف ونبضه ١٢٠ وضغطه ٨٥ على ٥٠", RedFlagCategory.Sepsis)]
    [InlineData("بنتي جلدها مبقع وباردة ونعسانة وحرارتها عالية", RedFlagCategory.Sepsis)]
    [InlineData("اختي حامل ١٠ اسابيع عندها وجع بجنبها اليسار ودوخة وكتفها يوجعها", RedFlagCategory.Pregnancy)]
    [InlineData("ابوي وقع وصار ما يقدر يحرك جنبه الايمن ولسانه ثقيل", RedFlagCategory.Stroke)]
    public void Signs_without_the_condition_name_are_caught_across_dialects(string message, RedFlagCategory expected)
    {
        var result = Compositional.Detect(message);
        Assert.True(result.IsUrgent, $"not urgent: {message}");
        Assert.Contains(expected, result.Categories);
    }

    // Everyday versions of the same words: heartburn after a meal, "no mood" for work, a letter to a
    // grandmother, night sweats with phlegm, fasting dizziness, normal readings, a fall from the sofa;
    // and hard negatives on the dev15 concepts: treated or stable readings, numbness that went away,
    // teething drool, a cord stump, green sweets, a painless hernia, a treated infection, a walk on a
    // bridge, controlled epilepsy, a medicine question on blood thinners, a kitchen cut that stopped.
    [Theory]
    [InlineData("عندي حرقة في صدري بعد الأكل الدسم من سنة")]
    [InlineData("ما لي خلق اروح الدوام اليوم")]
    [InlineData("ابني كتب رسالة لجدته يهنيها بالعيد")]
    [InlineData("صدري فيه بلغم وأعرق بالليل شوي")]
    [InlineData("كل ما أصوم أحس بدوخة وعرق خفيف")]
    [InlineData("عندي حساسية من الفول السوداني كيف أتجنبها")]
    [InlineData("بنتي حرارتها ٣٧.٥ وتلعب عادي")]
    [InlineData("ضغطي نزل ١٠٠ على ٦٥ بعد ما صمت، طبيعي؟")]
    [InlineData("ابني وقع من الكنبة وبكى شوي وبعدين لعب عادي")]
    [InlineData("السكر الصايم عندي ١١٠ هل عندي سكري؟")]
    [InlineData("هل الكيتو دايت خطير على مريض السكري؟")]
    [InlineData("جدي عنده زهايمر من سنين وينسى أسماءنا")]
    [InlineData("ضغطي كان ١٦٠ على ١٠٠ الشهر الماضي والدكتور غير الدوا وصار منتظم، هل أقدر أوقفه؟")]
    [InlineData("أمي حامل وضغطها ١٣٠ على ٨٥ هل هذا مرتفع؟")]
    [InlineData("نبض ابني وهو نايم ١٠٠ هل طبيعي لعمره سنتين؟")]
    [InlineData("جهاز الأكسجين عند ابوي دايما يقرا ٩٠ لأنه عنده تليف من سنين والدكتور قال مستقر")]
    [InlineData("عندي تنميل خفيف في يدي اليمين من سنة مع ألم في الرقبة")]
    [InlineData("صحيت من النوم وايدي اليسار منملة وراحت بعد دقيقة")]
    [InlineData("ابني يسيل لعابه كثير لأنه يطلع أسنان")]
    [InlineData("متى يسقط الحبل السري عند المولود وكيف أنظفه؟")]
    [InlineData("ابني عمره ٥ سنين استفرغ مرة وكان فيه لون أخضر بعد ما أكل حلاوة خضرا")]
    [InlineData("عندي فتق صغير في السرة من سنتين ما يوجع، هل العملية ضرورية؟")]
    [InlineData("عندي التهاب مسالك وأخذت مضاد من يومين وأحس أحسن")]
    [InlineData("بعد الولادة بشهرين عندي تساقط شعر كثير طبيعي؟")]
    [InlineData("جيراننا رشوا مبيد في الحديقة هل الريحة مضرة للأطفال؟")]
    [InlineData("رحنا نتمشى على الجسر وكان المنظر حلو")]
    [InlineData("ابني خاف من الكلب وصار قلبه يدق بسرعة وبعدين هدي")]
    [InlineData("اخوي عنده صرع وياخذ دواه بانتظام وآخر نوبة كانت من سنتين")]
    [InlineData("بنتي جاتها تشنجات حرارية وهي صغيرة، هل ممكن تأثر على دراستها؟")]
    [InlineData("كم مرة لازم أقيس السكر في اليوم؟ عادة يكون ١٣٠ الصبح")]
    [InlineData("ابوي ياخذ مميع للدم وبيسأل اذا يقدر ياخذ بنادول للصداع")]
    [InlineData("قطعت اصبعي بالسكين وأنا أطبخ جرح بسيط وقف الدم")]
    [InlineData("الماتش امبارح خلاني أموت من الضحك")]
    [InlineData("كنت بموت من الخوف في الامتحان بس الحمد لله عديت")]
    [InlineData("عمي سوا عملية فتق الشهر الماضي وهو الحين بخير")]
    [InlineData("جدي عنده زهايمر وأحيانا يخربط بالكلام من سنين")]
    [InlineData("أحس بدوخة لما أقوم بسرعة من السرير")]
    [InlineData("حامل في الشهر الخامس وأحس بحرقة في المعدة بالليل")]
    [InlineData("بنتي طاحت من الدراجة وانجرحت ركبتها جرح سطحي")]
    [InlineData("ابني عنده ربو خفيف ويستعمل البخاخ مرتين في الأسبوع")]
    [InlineData("أمي عندها سكري ومستقرة على الإنسولين، هل تقدر تصوم؟")]
    public void Everyday_versions_of_the_signs_stay_quiet(string message)
    {
        var result = RedFlagDetector.Default.Detect(message);
        Assert.False(result.IsUrgent, $"urgent [{string.Join(',', result.MatchedRules)}]: {message}");
    }
}
