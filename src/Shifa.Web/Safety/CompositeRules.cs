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
        R("cardiac.chest-pain-with-companion", RedFlagCategory.Cardiac, 10, [Mild, Exertion, Recurrent], P(Chest, Heart), P(Pain, Burning, Tightness), P(Sweat, Radiation, Faint, Pale, Breathless).Concat(N(Breathe)).ToArray()),
        // Pain at rest is not the exertion a guard sets aside ("بدأ وأنا أصعد الدرج ولم يخف بعد الراحة").
        R("cardiac.chest-pain-at-rest", RedFlagCategory.Cardiac, 12, [Mild, Recurrent], P(Chest, Heart), P(Pain, Burning, Tightness), P(Sweat, Radiation, Faint, Pale, Breathless).Concat(N(Breathe)).ToArray(), P(AtRest)),
        R("cardiac.chest-pain-severe", RedFlagCategory.Cardiac, 5, [Mild, Exertion, Cough, Recurrent], P(Chest), P(Pain), P(Severe, Sudden, Now)),
        R("cardiac-or-stroke.named-now", RedFlagCategory.Cardiac, 8, [Recurrent], P(EmergencyNamed), P(Now, Sudden, Sweat, Pain, SpeechBad, Weak, Droop, FaintNamed).Concat(N(Speak, Move, Respond, Breathe)).ToArray()),
        R("cardiac.clutching-chest", RedFlagCategory.Cardiac, 3, NoUnless, P(Clutch), P(Chest, Heart)),
        // A racing heart with the sight going dark, near-fainting or breathlessness: an arrhythmia.
        R("cardiac.racing-heart-with-faintness", RedFlagCategory.Cardiac, 16, [Mild, Exertion, Recurrent], P(Heart, Beat), P(Fast), P(Blur, Faint, FaintNamed, Fell, Breathless, Pale)),

        // Stroke: face droop; speech, limb or vision loss that is sudden or comes with a second sign.
        R("stroke.face-droop", RedFlagCategory.Stroke, 3, NoUnless, P(Face), P(Droop)),
        R("stroke.droop-and-limb", RedFlagCategory.Stroke, 10, [Recurrent], P(Droop), P(Weak).Concat(N(Move, Lift, Grip)).ToArray()),
        R("stroke.limb-sudden", RedFlagCategory.Stroke, 10, [Mild, Recurrent, Fade], P(Limb), P(Weak).Concat(N(Move, Lift, Grip, Feel)).ToArray(), P(Sudden)),
        W("stroke.speech-sudden", RedFlagCategory.Stroke, [0, 2, 10], [Mild, Recurrent], P(Speech), P(SpeechBad), P(Sudden, Now)),
        R("stroke.cannot-speak-sudden", RedFlagCategory.Stroke, 10, [Recurrent], N(Speak), P(Sudden)),
        W("stroke.speech-and-limb", RedFlagCategory.Stroke, [0, 2, 12], [Recurrent], P(Speech), P(SpeechBad), P(Weak, Droop).Concat(N(Move, Lift, Grip, Walk)).ToArray()),
        R("stroke.cannot-speak-and-limb", RedFlagCategory.Stroke, 12, [Recurrent], N(Speak), P(Weak, Droop).Concat(N(Move, Lift, Grip, Walk)).ToArray()),
        R("stroke.vision-or-walk-sudden", RedFlagCategory.Stroke, 8, [Recurrent], N(See, Walk, Recognise), P(Sudden)),
        R("stroke.confusion-sudden", RedFlagCategory.Stroke, 6, [Recurrent], P(Confused), P(Sudden)),

        // Bleeding: heavy, spurting, soaking or not stopping; vomiting or coughing blood; deep wounds.
        R("bleeding.heavy", RedFlagCategory.SevereBleeding, 5, [Mild, Period, Recurrent], P(Blood, Bleed), P(Heavy, Spurt)),
        R("bleeding.not-stopping", RedFlagCategory.SevereBleeding, 6, [Mild, Period], P(Blood, Bleed, Wound), N(Stop)),
        R("bleeding.vomit-or-cough-blood", RedFlagCategory.SevereBleeding, 4, NoUnless, P(Vomit, Cough), P(Blood)),
        R("bleeding.dark-vomit", RedFlagCategory.SevereBleeding, 4, NoUnless, P(Vomit), P(Dark)),
        R("bleeding.black-stool-faint", RedFlagCategory.SevereBleeding, 11, NoUnless, P(Stool), P(Dark), P(Faint, FaintNamed, Pale, Severe, Sudden, Fell)),
        // Heavy bleeding, a period included, once it makes the person dizzy or pale: blood loss.
        R("bleeding.heavy-with-faintness", RedFlagCategory.SevereBleeding, 14, [Recurrent], P(Blood, Bleed, Period), P(Heavy, Spurt), P(Faint, FaintNamed, Pale, LowPressure, Cold)),
        R("bleeding.deep-wound", RedFlagCategory.SevereBleeding, 3, [Mild], P(Wound), P(Deep)),

        // Breathing: cannot breathe, choking, breath cut off, blue lips, gasping with severity.
        R("breathing.cannot", RedFlagCategory.Breathing, 4, [Nose, Mild, Recurrent, Figurative], N(Breathe)),
        R("breathing.no-air", RedFlagCategory.Breathing, 3, NoUnless, N(Enter), P(Air)),
        O("breathing.breath-cut", RedFlagCategory.Breathing, 2, [Mild, Figurative, Smoking], P(Breath), P(BreathCut)),
        R("breathing.breath-stopped", RedFlagCategory.Breathing, 1, [Figurative, Snore, Smoking], P(Breath), P(Stop)),
        R("breathing.choking", RedFlagCategory.Breathing, 6, [Mild, Figurative], P(Choke)),
        R("breathing.blue", RedFlagCategory.Breathing, 2, NoUnless, P(Blue), P(Lips)),
        R("breathing.gasping-severe", RedFlagCategory.Breathing, 8, [Mild, Exertion, Recurrent], P(Gasp, Breathless, Wheeze), P(Severe, Sudden, Blue, Retraction).Concat(N(Speaking, Speak)).ToArray()),
        R("breathing.inhaler-not-helping", RedFlagCategory.Breathing, 5, NoUnless, P(Inhaler), N(Helps)),
        R("breathing.stuck-in-throat", RedFlagCategory.Breathing, 8, NoUnless, P(Stuck), P(Throat), N(Swallow, Speak, Breathe)),
        R("breathing.asthma-cannot-speak", RedFlagCategory.Breathing, 8, NoUnless, P(Asthma, Inhaler), N(Speaking, Speak)),
        // Cannot swallow one's own saliva: the throat is closing (epiglottitis, abscess).
        R("breathing.cannot-swallow-saliva", RedFlagCategory.Breathing, 4, [Mild], N(Swallow), P(Foam)),
        R("breathing.retractions", RedFlagCategory.Breathing, 4, NoUnless, P(Retraction), P(Chest)),
        // Breathless or panting and unable to lie flat: the lungs are filling (heart failure).
        R("breathing.cannot-lie-flat", RedFlagCategory.Breathing, 12, [Mild], P(Breathless, Gasp, Breath, Breathe), N(LieDown)),
        // Something swallowed, then the throat held and no speaking: a blocked airway.
        R("breathing.choking-cannot-speak", RedFlagCategory.Breathing, 12, NoUnless, P(Throat, Neck, Clutch), P(Swallow, Stuck, Choke), N(Speak, Breathe, Speaking)),
        R("breathing.fast-and-severe", RedFlagCategory.Breathing, 3, [Mild, Exertion, Recurrent], P(Breathe, Breath), P(Fast), P(Severe, Retraction, Blue)),

        // Poisoning: chemicals or another person's medicine swallowed, too many pills, venomous bites.
        R("poisoning.household", RedFlagCategory.Poisoning, 8, [Prevent], P(Swallow), P(Household)),
        R("poisoning.too-many-pills", RedFlagCategory.Poisoning, 9, [Mild, Prevent, Recurrent, OneDose], P(Swallow), P(Medication), P(Quantity, OtherPerson)),
        W("poisoning.another-persons-medicine", RedFlagCategory.Poisoning, [0, 4, 6], [Prevent, Recurrent], P(Medication), P(OtherPerson), P(Swallow)),
        R("poisoning.empty-pack", RedFlagCategory.Poisoning, 4, [Recurrent], P(Medication, Quantity), P(Empty)),
        R("poisoning.named-with-symptoms", RedFlagCategory.Poisoning, 10, NoUnless, P(PoisonNamed, Gas), P(Faint, FaintNamed, Confused, Vomit, Lethargic, Severe, Sudden, Child, Sweat, Foam, Shake)),
        R("poisoning.overdose", RedFlagCategory.Poisoning, 6, NoUnless, P(Overdose), P(Swallow)),
        // An engine or heater run in a closed space, then headache, vomiting or confusion: carbon monoxide.
        R("poisoning.engine-in-closed-space", RedFlagCategory.Poisoning, 16, NoUnless, P(Gas), P(Enclosed), P(Headache, Vomit, Faint, FaintNamed, Confused, Lethargic)),
        R("poisoning.venomous-bite", RedFlagCategory.Poisoning, 4, NoUnless, P(Bite), P(Venomous)),

        // Self-harm: act on oneself, wish to die, no wish to live, hopelessness, burden, farewell.
        O("self-harm.act-on-self", RedFlagCategory.SelfHarm, 1, [Accidental], P(HarmVerb, Throw), P(SelfObject)),
        R("self-harm.cut-arteries", RedFlagCategory.SelfHarm, 2, [Accidental], P(Slash), P(Cutting)),
        R("self-harm.cutting-for-relief", RedFlagCategory.SelfHarm, 8, [Accidental], P(Slash), P(Blade), P(Relief)),
        R("self-harm.death-is-better", RedFlagCategory.SelfHarm, 3, [Figurative], P(Die), P(Better)),
        R("self-harm.wish-to-die", RedFlagCategory.SelfHarm, 3, [Figurative], P(Wish), P(Die)),
        O("self-harm.end-own-life", RedFlagCategory.SelfHarm, 2, [Accidental, Figurative], P(Die), P(SelfObject)),
        R("self-harm.no-wish-to-live", RedFlagCategory.SelfHarm, 3, NoUnless, N(Wish), A(Live, Wake)),
        R("self-harm.sleep-forever", RedFlagCategory.SelfHarm, 3, [Until], P(Sleep), N(Wake)),
        R("self-harm.no-reason-to-live", RedFlagCategory.SelfHarm, 5, NoUnless, N(Reason), A(Live, Continue)),
        R("self-harm.burden", RedFlagCategory.SelfHarm, 12, NoUnless, P(Burden, Better), P(WithoutMe)),
        R("self-harm.farewell", RedFlagCategory.SelfHarm, 12, NoUnless, P(Farewell), P(Die, Burden, WithoutMe).Concat(N(Reason, See, Continue, Endure, Live)).ToArray()),
        // A farewell and then silence: the person no longer answers.
        R("self-harm.farewell-unreachable", RedFlagCategory.SelfHarm, 20, NoUnless, P(Farewell), N(Answer, Respond)),
        // Means bought or readied while thinking of ending it.
        R("self-harm.means-with-intent", RedFlagCategory.SelfHarm, 16, [Accidental], P(Prepare), P(Rope, Household), P(Wish, Die, HarmVerb, Farewell)),
        // Belongings given away or a farewell, with a gun or blade at hand.
        R("self-harm.farewell-with-weapon", RedFlagCategory.SelfHarm, 14, NoUnless, P(Farewell), P(Weapon, Blade, Rope)),
        R("self-harm.prepared-means", RedFlagCategory.SelfHarm, 3, NoUnless, P(Prepare), P(Rope)),
        R("self-harm.leave-this-world", RedFlagCategory.SelfHarm, 4, NoUnless, P(Leave), P(Live)),
        R("self-harm.cannot-bear", RedFlagCategory.SelfHarm, 8, NoUnless, N(Endure, Live), P(Leave, Die, Farewell)),
        R("self-harm.named", RedFlagCategory.SelfHarm, 1, NoUnless, P(SuicideNamed)),

        // Pregnancy: bleeding, waters breaking, severe belly pain, no fetal movement, pre-eclampsia signs.
        R("pregnancy.bleeding", RedFlagCategory.Pregnancy, 14, [Mild, Period], P(Pregnant), P(Bleed)),
        W("pregnancy.blood-loss", RedFlagCategory.Pregnancy, [0, 3, 14], [Mild, Period], P(Blood), P(Descend, Heavy, Spurt), P(Pregnant)),
        W("pregnancy.waters", RedFlagCategory.Pregnancy, [0, 3, 14], [Mild], P(Water), P(Descend), P(Pregnant)),
        R("pregnancy.severe-pain", RedFlagCategory.Pregnancy, 14, [Mild, Recurrent], P(Pregnant), P(Belly), P(Pain), P(Severe)),
        // Early pregnancy pain with faintness or blood, wherever it is felt (ectopic pregnancy).
        R("pregnancy.pain-with-faintness", RedFlagCategory.Pregnancy, 14, [Recurrent], P(Pregnant), P(Pain), P(Severe), P(Faint, FaintNamed, Blood, Bleed)),
        R("pregnancy.no-movement", RedFlagCategory.Pregnancy, 10, NoUnless, P(Pregnant, Fetus), N(Move, Feel)),
        R("pregnancy.movement-stopped", RedFlagCategory.Pregnancy, 10, NoUnless, P(Pregnant, Fetus), P(Move), P(Stop)),
        // A fit in pregnancy is eclampsia whatever else is said about pressure or pain.
        R("pregnancy.eclampsia", RedFlagCategory.Pregnancy, 14, NoUnless, P(Pregnant), P(Seizure)),
        R("pregnancy.pre-eclampsia", RedFlagCategory.Pregnancy, 14, [Mild, Recurrent], P(Pregnant), P(Headache), P(Blur, Swelling, Severe)),

        // Babies of three months or less: fever, not feeding, floppy, bulging fontanelle.
        R("infant.fever", RedFlagCategory.InfantFever, 16, [Resolved], P(Infant), P(Fever)),
        // A sunken fontanelle or eyes with vomiting, diarrhoea or a dry nappy: a dehydrated child of any age.
        W("infant.dehydration", RedFlagCategory.InfantFever, [0, 3, 20], NoUnless, P(Fontanelle, Eyes), P(Sunken), P(Vomit, Diarrhoea).Concat(N(Wet)).ToArray()),
        R("infant.not-feeding-or-floppy", RedFlagCategory.InfantFever, 16, NoUnless, P(Infant), P(Lethargic, Fontanelle).Concat(N(Feed, Wet)).ToArray()),

        // A young baby breathing fast, grunting, drawing in or turning blue (WHO IMCI danger signs).
        R("infant.breathing", RedFlagCategory.InfantFever, 14, NoUnless, P(Infant), P(Breathe, Breath, Breathless), P(Fast, Grunt, Retraction, Blue)),

        // Seizures and unconsciousness.
        R("seizure.fitting", RedFlagCategory.Seizure, 3, [Mild, Belly, Limb, Neck, Pain, Asking, PastAge, Figurative], P(Seizure)),
        R("seizure.epileptic-fit-ongoing", RedFlagCategory.Seizure, 10, [Recurrent], P(Fit), P(Epilepsy, Seizure, Shake), P(Ongoing, Sudden).Concat(N(Stop, Respond, Wake)).ToArray()),
        R("seizure.shaking-with-signs", RedFlagCategory.Seizure, 8, [Mild], P(Shake), P(Rolled, Foam, Fell, FaintNamed).Concat(N(Respond, Answer, Feel)).ToArray()),
        // Suddenly not knowing people or place, with a second sign: delirium, stroke, hypoglycaemia.
        R("unconscious.not-recognising", RedFlagCategory.Unconscious, 12, [Recurrent], N(Recognise), P(Confused, Sudden, Now, Speech, SpeechBad, Fever, Sweat, Shake, Diabetes, Lethargic, Faint, FaintNamed).Concat(N(Recognise)).ToArray()),
        R("unconscious.named", RedFlagCategory.Unconscious, 3, [Feel, Figurative], P(FaintNamed)),
        R("unconscious.unresponsive", RedFlagCategory.Unconscious, 3, [Until], N(Respond)),
        R("unconscious.collapsed-not-answering", RedFlagCategory.Unconscious, 10, NoUnless, N(Answer, Speak), P(Fell, Found, Ground, Sudden, Shake, Rolled, Diabetes, Confused)),

        // Anaphylaxis: a trigger, then swelling of face, lips, tongue or throat, or a closing throat.
        R("anaphylaxis.swelling", RedFlagCategory.Anaphylaxis, 12, [Mild], P(Allergen), P(Tongue), P(Swelling)),
        R("anaphylaxis.cannot-swallow-or-breathe", RedFlagCategory.Anaphylaxis, 12, [Mild], P(Allergen), P(Rash, Swelling), P(Breathless, Wheeze, Gasp).Concat(N(Swallow, Breathe)).ToArray()),
        R("anaphylaxis.throat-closing", RedFlagCategory.Anaphylaxis, 14, [Mild], P(Allergen), P(Throat), P(Narrow)),

        // A changed, hoarse voice after a trigger: the airway is swelling.
        R("anaphylaxis.voice-change", RedFlagCategory.Anaphylaxis, 12, [Mild], P(Allergen), P(Speech), P(Changed)),

        // Neurological: thunderclap headache, head injury with warning signs, meningitis signs.
        R("neuro.worst-headache", RedFlagCategory.Neurological, 4, [Mild, Recurrent], P(Headache), P(Worst)),
        R("neuro.sudden-severe-headache", RedFlagCategory.Neurological, 6, [Mild, Recurrent], P(Headache), P(Sudden), P(Severe)),
        R("neuro.headache-like-a-blow", RedFlagCategory.Neurological, 8, NoUnless, P(Headache), P(Like), P(Hammer)),
        R("neuro.head-injury", RedFlagCategory.Neurological, 12, NoUnless, P(Head), P(Fell, Hit, Accident), P(Vomit, Lethargic, FaintNamed, Seizure, Confused, Shake, Bleed).Concat(N(Respond, Feed, Recognise)).ToArray()),
        // Clear fluid or blood from an ear or the nose after a blow or accident: a skull-base fracture.
        R("neuro.fluid-from-ear-after-injury", RedFlagCategory.Neurological, 12, NoUnless, P(Ear, Nose), P(Water, Blood, Bleed), P(Hit, Accident, Fell)),
        // A bulging, tense fontanelle: raised pressure in the skull (meningitis) at any age.
        R("neuro.bulging-fontanelle", RedFlagCategory.Neurological, 3, NoUnless, P(Fontanelle), P(Swelling, Stiff, Out)),
        R("neuro.fever-stiff-neck", RedFlagCategory.Neurological, 12, NoUnless, P(Fever), P(Neck), P(Stiff).Concat(N(Bend, Move)).ToArray()),
        R("neuro.fever-light-hurts", RedFlagCategory.Neurological, 12, [Mild], P(Fever), P(Light), P(Pain, Stiff, Headache, Lethargic).Concat(N(Endure)).ToArray()),
        R("neuro.fever-purple-rash", RedFlagCategory.Neurological, 10, NoUnless, P(Fever), P(Rash), P(Purple)),
        R("neuro.fever-rash-not-fading", RedFlagCategory.Neurological, 10, NoUnless, P(Rash), N(Fade), P(Fever)),

        // Diabetic emergencies: a diabetic who is confused, unresponsive, or has an extreme reading with symptoms.
        R("diabetic.altered", RedFlagCategory.DiabeticEmergency, 16, NoUnless, P(Diabetes), P(Confused, FaintNamed).Concat(N(Respond, Answer, Recognise)).ToArray()),
        W("diabetic.slurred", RedFlagCategory.DiabeticEmergency, [0, 2, 16], NoUnless, P(Speech), P(SpeechBad), P(Diabetes)),
        R("diabetic.extreme-reading", RedFlagCategory.DiabeticEmergency, 16, NoUnless, P(Diabetes, Sugar), P(ExtremeValue, Hypo), P(Sweat, Shake, Vomit, Acetone, Confused, Lethargic, Faint, Severe, Fast, Gasp, Dry)),
        // Sweating with trembling or odd behaviour in someone on insulin or diabetes pills: a low sugar.
        R("diabetic.hypo-signs", RedFlagCategory.DiabeticEmergency, 16, [Mild, Recurrent], P(Diabetes), P(Sweat, Shake), P(Shake, Confused, Faint, Blur)),
        // Vomiting with panting or drowsiness in a diabetic: ketoacidosis, even without the smell named.
        R("diabetic.vomiting-and-gasping", RedFlagCategory.DiabeticEmergency, 20, NoUnless, P(Diabetes), P(Vomit), P(Gasp, Breathless, Lethargic, Confused, Fast)),
        R("diabetic.ketoacidosis", RedFlagCategory.DiabeticEmergency, 16, [Mild], P(Diabetes), P(Acetone), P(Vomit, Lethargic, Gasp, Confused, Fast, Severe, Faint, Dry)),

        // Severe injury and burns.
        R("injury.major-mechanism", RedFlagCategory.SevereInjury, 12, NoUnless, P(Accident, Weapon), P(Bleed, Blood, Bone, FaintNamed, Severe, Child, Breathless, Gasp).Concat(N(Move, Respond, Answer, Breathe, Walk)).ToArray()),
        R("injury.fall-from-height", RedFlagCategory.SevereInjury, 12, NoUnless, P(Fell), P(Height), P(Bleed, Blood, Bone, FaintNamed, Vomit).Concat(N(Move, Respond, Answer, Breathe, Walk, Feel)).ToArray()),
        R("injury.electric-shock", RedFlagCategory.SevereInjury, 10, NoUnless, P(Electric), P(FaintNamed, Confused, Fast, Burn, Heart, Fell, Breathless, Shake).Concat(N(Respond, Breathe, Answer, Move)).ToArray()),
        // A fall, then a leg shorter or turned outwards: a broken hip.
        R("injury.hip-fracture", RedFlagCategory.SevereInjury, 16, NoUnless, P(Fell), P(Limb), P(Shorter)),
        R("injury.open-fracture", RedFlagCategory.SevereInjury, 3, NoUnless, P(Bone), P(Out)),
        R("injury.stab-or-gunshot", RedFlagCategory.SevereInjury, 4, NoUnless, P(Weapon), P(Blade, Belly, Chest, Neck, Head, Bleed, Blood)),
        R("injury.scald", RedFlagCategory.SevereInjury, 8, [Mild, Prevent], P(Spill), P(Boiling), P(Extent, Peeling, Child)),
        R("injury.major-burn", RedFlagCategory.SevereInjury, 8, [Mild, Prevent], P(Burn), P(Extent, Peeling)),

        // Acute abdomen: sudden, severe or spreading belly (or testicular) pain with a second sign.
        R("abdomen.severe-pain", RedFlagCategory.AcuteAbdomen, 10, [Mild, Recurrent, Period], P(Belly, Testicle), P(Pain), P(Severe, Sudden, Radiation), P(Vomit, Fever, Faint, FaintNamed, Pale, Sweat, Swelling, Stiff, LowPressure).Concat(N(Move, Walk)).ToArray()),
        // A belly that swells suddenly with vomiting or no stool passing: obstruction.
        R("abdomen.swollen-and-vomiting", RedFlagCategory.AcuteAbdomen, 10, [Mild, Recurrent], P(Belly), P(Swelling), P(Vomit).Concat(N(Stool)).ToArray(), P(Sudden, Severe, Stiff)),
        // Swollen belly, vomiting and no stool or wind passed: bowel obstruction, whatever the onset.
        R("abdomen.obstruction", RedFlagCategory.AcuteAbdomen, 14, [Mild, Recurrent], P(Belly), P(Swelling), P(Vomit), N(Stool)),
        // Jelly-like blood in a stool: intussusception in a young child, a bleeding bowel in an adult.
        R("abdomen.jelly-stool", RedFlagCategory.AcuteAbdomen, 6, NoUnless, P(Stool), P(Blood), P(Jelly)),
        // A rigid, board-like belly with pain, fever or vomiting: peritonitis.
        R("abdomen.rigid", RedFlagCategory.AcuteAbdomen, 8, [Mild, Recurrent, Period], P(Belly), P(Stiff), P(Pain, Fever, Vomit)),
        // Pain boring through to the back with vomiting (pancreatitis, a leaking aorta).
        R("abdomen.pain-to-back-vomiting", RedFlagCategory.AcuteAbdomen, 12, [Mild, Period], P(Belly), P(Pain), P(Radiation), P(Vomit)),
        // Pain low on the right with fever, vomiting or severity: appendicitis.
        R("abdomen.right-lower-pain", RedFlagCategory.AcuteAbdomen, 15, [Mild, Recurrent, Period], P(RightLower), P(Pain), P(Fever, Vomit, Severe, Faint, FaintNamed, Pale)),
        // A sudden or severe testicular pain needs no second sign (torsion is saved within hours).
        R("abdomen.testicular-pain", RedFlagCategory.AcuteAbdomen, 8, [Mild, Recurrent], P(Testicle), P(Pain), P(Severe, Sudden)),

        // Sepsis: fever with confusion or blue, mottled skin.
        // Any fever during chemotherapy: neutropenic sepsis until proven otherwise.
        R("sepsis.fever-on-chemotherapy", RedFlagCategory.Sepsis, 20, [Prevent, Asking], P(Chemo), P(Fever)),
        // Fever with spots, and feeling as ill as never before (either polarity of the spots: Maghrebi "ولا فيه" is "became").
        R("sepsis.fever-rash-never-this-ill", RedFlagCategory.Sepsis, 14, NoUnless, P(Fever), A(Rash), P(Worst)),
        R("sepsis.fever-with-confusion-or-blue", RedFlagCategory.Sepsis, 12, [Mild], P(Fever), P(Confused, Blue, LowPressure, Mottled).Concat(N(Recognise)).ToArray()),

        // Added on dev15: signs and readings that imply an emergency without naming it.
        // A known infection (urine, chest, wound) with new confusion, shock or a racing pulse: sepsis, fever or not.
        R("sepsis.infection-with-confusion-or-shock", RedFlagCategory.Sepsis, 16, [Mild, Recurrent], P(Infection), P(Confused, LowPressure, Mottled, Blue, PulseAbnormal).Concat(N(Recognise, Respond)).ToArray()),
        // Fever after a birth with foul discharge or rigors: puerperal sepsis.
        R("sepsis.fever-after-birth", RedFlagCategory.Sepsis, 16, [Recurrent], P(Pregnant), P(Fever), P(Foul, Shake)),
        // A pulse of 130+ or 40- with chest pain, faintness, breathlessness or cold skin.
        R("cardiac.abnormal-pulse-with-symptoms", RedFlagCategory.Cardiac, 16, [Mild, Exertion], P(PulseAbnormal), P(Chest, Faint, FaintNamed, Breathless, Gasp, Pale, Sweat, Blur, Confused, Cold, Fell).Concat(N(Breathe, Respond)).ToArray()),
        // An oxygen saturation of 90 or less.
        R("breathing.low-oxygen", RedFlagCategory.Breathing, 10, [Recurrent], P(LowOxygen)),
        // Severe-range pressure (160/110) in pregnancy or after a birth: pre-eclampsia.
        R("pregnancy.severe-pressure", RedFlagCategory.Pregnancy, 16, NoUnless, P(Pregnant), P(HighPressure)),
        // Spots or dimming sight in pregnancy, or pain under the ribs (HELLP).
        R("pregnancy.vision-change", RedFlagCategory.Pregnancy, 16, [Mild, Recurrent], P(Pregnant), P(Blur)),
        R("pregnancy.pain-under-ribs", RedFlagCategory.Pregnancy, 16, [Mild, Recurrent], P(Pregnant), P(UnderRibs), P(Pain)),
        // The cord seen or felt after the waters broke: cord prolapse.
        W("pregnancy.cord-prolapse", RedFlagCategory.Pregnancy, [0, 5, 16], [Infant], P(Cord), P(Out, Descend, See), P(Pregnant, Water, Labour)),
        // A crisis-range pressure (180/120) with a sign of organ harm.
        R("stroke.pressure-crisis-with-signs", RedFlagCategory.Stroke, 14, [Mild], P(CrisisPressure), P(Blur, Chest, Confused, SpeechBad, Weak, Droop, Breathless, Severe, Bleed).Concat(N(See, Speak, Move)).ToArray()),
        // Weakness, numbness or loss of movement on one side of the body.
        R("stroke.one-sided-weakness", RedFlagCategory.Stroke, 4, [Pain, Mild, Recurrent, Exertion, Fade], P(Side), P(Limb), P(Weak).Concat(N(Move, Lift, Grip, Feel)).ToArray()),
        // Water or saliva running from one corner of the mouth: a face droop described by its effect.
        R("stroke.drooling-from-mouth-corner", RedFlagCategory.Stroke, 5, [Sleep, AtRest, Recurrent], P(MouthCorner), P(Water, Foam, Descend, Droop)),
        // Green (bile) vomiting in a baby or child: a twisted or blocked bowel.
        W("infant.green-vomit", RedFlagCategory.InfantFever, [0, 5, 16], NoUnless, P(Vomit), P(Bile), P(Infant, Child)),
        // Fits one after another, or no waking between or after them.
        R("seizure.not-waking", RedFlagCategory.Seizure, 10, [Recurrent], P(Fit, Seizure), N(Respond, Wake)),
        // Vomiting in someone who cannot be woken: the airway is at risk (drink, drugs, head injury).
        R("unconscious.vomiting-unrousable", RedFlagCategory.Unconscious, 10, NoUnless, P(Vomit), N(Respond, Wake)),
        // Boiling liquid on the skin that peels or turns white.
        R("injury.scald-peeling", RedFlagCategory.SevereInjury, 12, [Mild, Prevent], P(Boiling), P(Spill, Burn, Fell), P(Peeling)),
        // Hit by or fallen from a vehicle, with bleeding, a head blow or confusion.
        W("injury.vehicle", RedFlagCategory.SevereInjury, [0, 4, 14], [Mild], P(Vehicle), P(Hit, Fell, Accident), P(Bleed, Blood, Bone, FaintNamed, Severe, Head, Confused, Breathless).Concat(N(Move, Respond, Answer, Breathe, Walk, Recognise)).ToArray()),
        // Bleeding that goes on through a bandage or pressure.
        R("bleeding.through-pressure", RedFlagCategory.SevereBleeding, 16, [Mild, Period], P(Blood, Bleed), P(Bandage), P(Ongoing, Spurt, Heavy).Concat(N(Stop)).ToArray()),
        // A shock-level pressure or collapse after an allergen with a rash or swelling.
        R("anaphylaxis.rash-with-collapse", RedFlagCategory.Anaphylaxis, 14, [Mild, Recurrent], P(Allergen), P(Rash, Swelling), P(LowPressure, FaintNamed, Faint, Pale, Cold)),
        // A fever with the chin unable to reach the chest: neck stiffness described by its test.
        R("neuro.fever-chin-to-chest", RedFlagCategory.Neurological, 14, NoUnless, P(Fever), P(Chin), P(Chest)),
        // A hernia that turned hard, changed colour or will not go back: strangulation. "كبير" (large) is not a sign.
        R("abdomen.hernia-stuck", RedFlagCategory.AcuteAbdomen, 12, [Mild], P(Hernia), P(Stiff, Changed, Dark, Blue, Pale).Concat(N(Vomit, Enter)).ToArray()),
        // Red jelly passed by a child: intussusception, without the word for stool.
        W("abdomen.red-jelly", RedFlagCategory.AcuteAbdomen, [0, 3, 8], NoUnless, P(Jelly), P(Dark, Blood), P(Descend, Out, Stool)),
        // Pesticide exposure with its signs: drooling, tears, sweating, twitching, pinpoint pupils, breathlessness.
        R("poisoning.pesticide-signs", RedFlagCategory.Poisoning, 16, [Prevent], P(Pesticide), P(Foam, Tears, Sweat, Shake, Pinpoint, Breathless, Vomit, FaintNamed, Confused, Diarrhoea).Concat(N(Breathe)).ToArray()),
        // Pills gathered or hidden with a stated intent.
        R("self-harm.stockpiled-pills", RedFlagCategory.SelfHarm, 14, [Accidental], P(Prepare), P(Medication), P(Intent, Die, HarmVerb, Farewell)),
        // "Cannot go on with this life".
        R("self-harm.cannot-go-on", RedFlagCategory.SelfHarm, 5, NoUnless, N(Continue, Endure), A(Live)),
        // At a bridge, roof edge or the sea with hopelessness or a jump in mind.
        R("self-harm.at-the-edge", RedFlagCategory.SelfHarm, 14, [Accidental], P(Edge), P(Throw, Die, Farewell, Intent).Concat(N(Continue, Endure, Live, Reason)).ToArray()),

        // Signs from a triage checklist (NHS 111, WHO IMCI), category by category.
        // Chest discomfort of any word with sweating and faintness: a heart attack does not always hurt.
        R("cardiac.chest-with-sweat-and-faintness", RedFlagCategory.Cardiac, 8, [Mild, Exertion, Recurrent], P(Chest), P(Sweat), P(Faint, FaintNamed, Pale, Breathless)),
        // "ما عاد لها خلق تعيش": the negation reaches the life verb, not the far wish word.
        O("self-harm.no-will-to-live", RedFlagCategory.SelfHarm, 2, [Figurative], P(Wish), N(Live)),
        // A farewell, then the phone switched off or the person gone.
        R("self-harm.farewell-then-gone", RedFlagCategory.SelfHarm, 20, NoUnless, P(Farewell), P(PhoneOff)),
        // Bleeding that makes the person dizzy or pale, whatever its amount is called.
        R("bleeding.with-faintness", RedFlagCategory.SevereBleeding, 8, [Mild, Period, Recurrent], P(Bleed), P(Faint, FaintNamed, Pale, LowPressure, Cold)),
        // Muddled speech with vomiting, fever, drowsiness or diabetes: a brain short of sugar, water or blood.
        W("unconscious.muddled-speech-when-ill", RedFlagCategory.Unconscious, [0, 2, 12], [Mild, Recurrent, Figurative], P(Speech), P(SpeechBad), P(Vomit, Fever, Dry, Lethargic, Faint, FaintNamed)),
        // A fall from a window, balcony, roof or upper floor needs no second sign.
        O("injury.fall-from-a-high-place", RedFlagCategory.SevereInjury, 4, [Mild], P(Fell), P(HighPlace)),
        // A child vomiting or with diarrhoea who stops passing urine or turns drowsy: dehydration.
        R("infant.vomiting-dry-or-drowsy", RedFlagCategory.InfantFever, 16, [Mild, Recurrent], P(Child, Infant), P(Vomit, Diarrhoea), P(Lethargic).Concat(N(Wet)).ToArray()),
        R("cardiac.no-pulse", RedFlagCategory.Cardiac, 3, [Fast, Mild, Asking], N(Pulse)),
        R("stroke.sudden-vision-change", RedFlagCategory.Stroke, 6, [Mild, Recurrent, Exertion], P(Blur), P(Sudden)),
        // A blow or fall in someone on blood thinners: bleeding inside the skull may show late.
        R("neuro.blow-on-blood-thinners", RedFlagCategory.Neurological, 16, [Mild], P(Anticoagulant), P(Fell, Hit, Accident)),
        R("bleeding.on-blood-thinners", RedFlagCategory.SevereBleeding, 16, [Mild, Period], P(Anticoagulant), P(Bleed, Blood), P(Heavy, Vomit, Stool, Ongoing, Head, Spurt).Concat(N(Stop)).ToArray()),
        R("breathing.after-drowning", RedFlagCategory.Breathing, 14, NoUnless, P(Drown), P(Cough, Breathless, Blue, FaintNamed, Vomit, Lethargic, Confused, Gasp, Foam).Concat(N(Breathe, Respond, Answer)).ToArray()),
        R("breathing.smoke-inhaled", RedFlagCategory.Breathing, 14, [Prevent], P(Fire), P(Breathless, Cough, Changed, Blue, FaintNamed, Gasp, Confused, Choke, Lethargic).Concat(N(Breathe, Respond, Answer)).ToArray()),
        R("breathing.nostrils-flaring", RedFlagCategory.Breathing, 12, NoUnless, P(Flaring), P(Breathe, Breath, Breathless, Fast, Infant, Child, Gasp)),
        // One-sided pain in pregnancy with faintness or pallor: an ectopic pregnancy bleeding inside.
        R("pregnancy.one-sided-pain-with-faintness", RedFlagCategory.Pregnancy, 14, [Mild, Recurrent], P(Pregnant), P(Pain), P(Side, RightLower), P(Faint, FaintNamed, Pale, LowPressure)),
        R("pregnancy.fall-or-blow", RedFlagCategory.Pregnancy, 14, [Mild], P(Pregnant), P(Fell, Hit, Accident), P(Belly, Pain, Bleed, Blood, Water).Concat(N(Move, Feel)).ToArray()),
        R("pregnancy.vomiting-dehydrated", RedFlagCategory.Pregnancy, 14, [Mild], P(Pregnant), P(Vomit), P(Dry, FaintNamed, Lethargic).Concat(N(Wet)).ToArray()),
        R("infant.cold", RedFlagCategory.InfantFever, 16, NoUnless, P(Infant), P(Hypothermia)),
        R("injury.amputation", RedFlagCategory.SevereInjury, 3, [Mild], P(Finger, Limb), P(Amputated)),
        W("injury.chemical-in-eye", RedFlagCategory.SevereInjury, [0, 5, 8], [Prevent, Mild, Recurrent], P(Household), P(Eyes), P(Enter, Spill, Descend, Burning, Pain, Swallow)),
        R("abdomen.urinary-retention", RedFlagCategory.AcuteAbdomen, 12, [Mild, Recurrent, Infant], P(Belly), P(Swelling, Pain), N(Wet)),
    ];

    private static CompositeRule R(string name, RedFlagCategory category, int window, SymptomConcept[] unless, params Cue[][] groups) =>
        new("compose." + name, category, groups, unless, window);

    private static CompositeRule W(string name, RedFlagCategory category, int[] windows, SymptomConcept[] unless, params Cue[][] groups) =>
        new("compose." + name, category, groups, unless, windows.Max(), windows);

    private static CompositeRule O(string name, RedFlagCategory category, int window, SymptomConcept[] unless, params Cue[][] groups) =>
        new("compose." + name, category, groups, unless, window, Ordered: true);

    private static Cue[] P(params SymptomConcept[] concepts) => concepts.Select(c => new Cue(c, false)).ToArray();

    private static Cue[] N(params SymptomConcept[] concepts) => concepts.Select(c => new Cue(c, true)).ToArray();

    // Either polarity: after "ماريد" the next verb inherits the negation, but it is the wish that is denied.
    private static Cue[] A(params SymptomConcept[] concepts) => [.. P(concepts), .. N(concepts)];
}
