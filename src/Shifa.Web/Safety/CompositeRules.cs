// The compositional red-flag rules: each names the concepts whose co-occurrence marks an
// emergency (after NHS 111 / WHO IMCI danger signs), independent of how a dialect phrases them.
using static Shifa.Web.Safety.SymptomConcept;

namespace Shifa.Web.Safety;

/// <summary>Default <see cref="CompositeRule"/> set used by <see cref="RedFlagDetector"/>.</summary>
internal static class CompositeRules
{
    private static readonly SymptomConcept[] NoUnless = [];

    /// <summary>Rules in reporting order.</summary>
    public static IReadOnlyList<CompositeRule> Default { get; } =
    [
        // Heart attack: chest pain with sweating, radiation, breathlessness or faintness; or severe and sudden.
        R("cardiac.chest-pain-with-companion", RedFlagCategory.Cardiac, 10, [Mild, Exertion], P(Chest, Heart), P(Pain, Burning), P(Sweat, Radiation, Faint, Pale, Breathless).Concat(N(Breathe)).ToArray()),
        R("cardiac.chest-pain-severe", RedFlagCategory.Cardiac, 5, [Mild, Exertion, Cough], P(Chest), P(Pain), P(Severe, Sudden)),
        R("cardiac.clutching-chest", RedFlagCategory.Cardiac, 3, NoUnless, P(Clutch), P(Chest, Heart)),

        // Stroke: face droop; speech, limb or vision loss that is sudden or comes with a second sign.
        R("stroke.face-droop", RedFlagCategory.Stroke, 2, NoUnless, P(Face), P(Droop)),
        R("stroke.limb-sudden", RedFlagCategory.Stroke, 10, [Mild], P(Limb), P(Weak).Concat(N(Move, Lift, Grip)).ToArray(), P(Sudden)),
        R("stroke.speech-sudden", RedFlagCategory.Stroke, 10, [Mild], P(SpeechBad).Concat(N(Speak)).ToArray(), P(Sudden)),
        R("stroke.speech-and-limb", RedFlagCategory.Stroke, 12, NoUnless, P(SpeechBad).Concat(N(Speak)).ToArray(), P(Weak, Droop).Concat(N(Move, Lift, Grip, Walk)).ToArray()),
        R("stroke.vision-or-walk-sudden", RedFlagCategory.Stroke, 8, NoUnless, N(See, Walk, Recognise), P(Sudden)),
        R("stroke.confusion-sudden", RedFlagCategory.Stroke, 6, NoUnless, P(Confused), P(Sudden)),

        // Bleeding: heavy, spurting, soaking or not stopping; vomiting or coughing blood; deep wounds.
        R("bleeding.heavy", RedFlagCategory.SevereBleeding, 5, [Mild, Period], P(Blood, Bleed), P(Heavy, Spurt)),
        R("bleeding.not-stopping", RedFlagCategory.SevereBleeding, 6, [Mild, Period], P(Blood, Bleed, Wound), N(Stop)),
        R("bleeding.vomit-or-cough-blood", RedFlagCategory.SevereBleeding, 3, NoUnless, P(Vomit, Cough), P(Blood)),
        R("bleeding.deep-wound", RedFlagCategory.SevereBleeding, 3, [Mild], P(Wound), P(Deep)),

        // Breathing: cannot breathe, choking, breath cut off, blue lips, gasping with severity.
        R("breathing.cannot", RedFlagCategory.Breathing, 4, [Nose, Mild], N(Breathe)),
        R("breathing.no-air", RedFlagCategory.Breathing, 3, NoUnless, N(Enter), P(Air)),
        R("breathing.breath-cut", RedFlagCategory.Breathing, 2, [Mild], P(Breath), P(BreathCut)),
        R("breathing.choking", RedFlagCategory.Breathing, 6, [Mild], P(Choke)),
        R("breathing.blue", RedFlagCategory.Breathing, 2, NoUnless, P(Blue), P(Lips)),
        R("breathing.gasping-severe", RedFlagCategory.Breathing, 8, [Mild, Exertion], P(Gasp, Breathless, Wheeze), P(Severe, Sudden, Blue, Retraction).Concat(N(Speaking, Speak)).ToArray()),
        R("breathing.retractions", RedFlagCategory.Breathing, 4, NoUnless, P(Retraction), P(Chest)),

        // Poisoning: chemicals or another person's medicine swallowed, too many pills, venomous bites.
        R("poisoning.household", RedFlagCategory.Poisoning, 5, NoUnless, P(Swallow), P(Household)),
        R("poisoning.too-many-pills", RedFlagCategory.Poisoning, 6, NoUnless, P(Swallow), P(Medication), P(Quantity, OtherPerson)),
        R("poisoning.overdose", RedFlagCategory.Poisoning, 6, NoUnless, P(Overdose), P(Swallow)),
        R("poisoning.venomous-bite", RedFlagCategory.Poisoning, 4, NoUnless, P(Bite), P(Venomous)),

        // Self-harm: act on oneself, wish to die, no wish to live, hopelessness, burden, farewell.
        R("self-harm.act-on-self", RedFlagCategory.SelfHarm, 2, [Accidental], P(HarmVerb, Throw), P(SelfObject)),
        R("self-harm.cut-arteries", RedFlagCategory.SelfHarm, 2, [Accidental], P(HarmVerb), P(Cutting)),
        R("self-harm.wish-to-die", RedFlagCategory.SelfHarm, 3, NoUnless, P(Wish), P(Die)),
        R("self-harm.no-wish-to-live", RedFlagCategory.SelfHarm, 3, NoUnless, N(Wish), P(Live, Wake)),
        R("self-harm.sleep-forever", RedFlagCategory.SelfHarm, 3, [Until], P(Sleep), N(Wake)),
        R("self-harm.no-reason-to-live", RedFlagCategory.SelfHarm, 5, NoUnless, N(Reason), P(Live, Continue)),
        R("self-harm.burden", RedFlagCategory.SelfHarm, 12, NoUnless, P(Burden, Better), P(WithoutMe)),
        R("self-harm.farewell", RedFlagCategory.SelfHarm, 12, NoUnless, P(Farewell), P(Die, Burden, WithoutMe).Concat(N(Reason)).ToArray()),
        R("self-harm.named", RedFlagCategory.SelfHarm, 1, NoUnless, P(SuicideNamed)),

        // Pregnancy: bleeding, waters breaking, severe belly pain, no fetal movement, pre-eclampsia signs.
        R("pregnancy.bleeding", RedFlagCategory.Pregnancy, 14, [Mild, Period], P(Pregnant), P(Blood, Bleed)),
        R("pregnancy.waters", RedFlagCategory.Pregnancy, 14, NoUnless, P(Pregnant), P(Water), P(Descend)),
        R("pregnancy.severe-pain", RedFlagCategory.Pregnancy, 14, [Mild], P(Pregnant), P(Belly), P(Pain), P(Severe)),
        R("pregnancy.no-movement", RedFlagCategory.Pregnancy, 10, NoUnless, P(Pregnant, Fetus), N(Move, Feel)),
        R("pregnancy.movement-stopped", RedFlagCategory.Pregnancy, 10, NoUnless, P(Pregnant, Fetus), P(Move), P(Stop)),
        R("pregnancy.pre-eclampsia", RedFlagCategory.Pregnancy, 14, [Mild], P(Pregnant), P(Headache), P(Blur, Swelling, Severe)),

        // Babies of three months or less: fever, not feeding, floppy, bulging fontanelle.
        R("infant.fever", RedFlagCategory.InfantFever, 16, NoUnless, P(Infant), P(Fever)),
        R("infant.not-feeding-or-floppy", RedFlagCategory.InfantFever, 16, NoUnless, P(Infant), P(Lethargic, Fontanelle).Concat(N(Feed)).ToArray()),

        // Seizures and unconsciousness.
        R("seizure.fitting", RedFlagCategory.Seizure, 3, [Mild, Belly, Limb], P(Seizure)),
        R("seizure.shaking-with-signs", RedFlagCategory.Seizure, 8, [Mild], P(Shake), P(Rolled, Foam, Fell, FaintNamed).Concat(N(Respond, Answer, Feel)).ToArray()),
        R("unconscious.named", RedFlagCategory.Unconscious, 1, NoUnless, P(FaintNamed)),
        R("unconscious.unresponsive", RedFlagCategory.Unconscious, 3, [Until], N(Respond)),
        R("unconscious.collapsed-not-answering", RedFlagCategory.Unconscious, 10, NoUnless, N(Answer), P(Fell, Found, Ground, Sudden, Shake, Rolled, Diabetes, Confused)),

        // Anaphylaxis: a trigger, then swelling of face, lips, tongue or throat, or a closing throat.
        R("anaphylaxis.swelling", RedFlagCategory.Anaphylaxis, 12, [Mild], P(Allergen), P(Tongue), P(Swelling)),
        R("anaphylaxis.throat-closing", RedFlagCategory.Anaphylaxis, 10, [Mild], P(Allergen), P(Throat), P(Narrow)),

        // Neurological: thunderclap headache, head injury with warning signs, meningitis signs.
        R("neuro.worst-headache", RedFlagCategory.Neurological, 4, [Mild], P(Headache), P(Worst)),
        R("neuro.sudden-severe-headache", RedFlagCategory.Neurological, 6, [Mild], P(Headache), P(Sudden), P(Severe)),
        R("neuro.headache-like-a-blow", RedFlagCategory.Neurological, 8, NoUnless, P(Headache), P(Like), P(Hammer)),
        R("neuro.head-injury", RedFlagCategory.Neurological, 12, NoUnless, P(Head), P(Fell, Hit, Accident), P(Vomit, Lethargic, FaintNamed, Seizure, Confused).Concat(N(Respond)).ToArray()),
        R("neuro.fever-stiff-neck", RedFlagCategory.Neurological, 12, NoUnless, P(Fever), P(Neck), P(Stiff).Concat(N(Bend, Move)).ToArray()),
        R("neuro.fever-purple-rash", RedFlagCategory.Neurological, 10, NoUnless, P(Fever), P(Rash), P(Purple)),

        // Diabetic emergencies: a diabetic who is confused, unresponsive, or has an extreme reading with symptoms.
        R("diabetic.altered", RedFlagCategory.DiabeticEmergency, 16, NoUnless, P(Diabetes), P(Confused, FaintNamed).Concat(N(Respond, Answer)).ToArray()),
        R("diabetic.extreme-reading", RedFlagCategory.DiabeticEmergency, 16, NoUnless, P(Diabetes, Sugar), P(ExtremeValue, Hypo), P(Sweat, Shake, Vomit, Acetone, Confused, Lethargic, Faint, Severe)),
        R("diabetic.ketoacidosis", RedFlagCategory.DiabeticEmergency, 16, NoUnless, P(Diabetes), P(Acetone), P(Vomit, Lethargic, Gasp, Confused)),

        // Severe injury and burns.
        R("injury.major-mechanism", RedFlagCategory.SevereInjury, 12, NoUnless, P(Accident, Weapon), P(Bleed, Blood, Bone, FaintNamed, Severe).Concat(N(Move, Respond, Answer, Breathe, Walk)).ToArray()),
        R("injury.fall-from-height", RedFlagCategory.SevereInjury, 12, NoUnless, P(Fell), P(Height), P(Bleed, Blood, Bone, FaintNamed, Vomit).Concat(N(Move, Respond, Answer, Breathe, Walk)).ToArray()),
        R("injury.open-fracture", RedFlagCategory.SevereInjury, 3, NoUnless, P(Bone), P(Out)),
        R("injury.major-burn", RedFlagCategory.SevereInjury, 8, [Mild], P(Burn), P(Extent, Peeling)),
    ];

    private static CompositeRule R(string name, RedFlagCategory category, int window, SymptomConcept[] unless, params Cue[][] groups) =>
        new("compose." + name, category, groups, unless, window);

    private static Cue[] P(params SymptomConcept[] concepts) => concepts.Select(c => new Cue(c, false)).ToArray();

    private static Cue[] N(params SymptomConcept[] concepts) => concepts.Select(c => new Cue(c, true)).ToArray();
}
