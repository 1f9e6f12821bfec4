namespace Shifa.Web.Safety;

/// <summary>
/// Meanings the compositional red-flag rules are built from: body parts, symptoms, actions whose
/// absence is the danger (breathe, respond, move...), intensity and time cues, and the subjects
/// (infant, pregnant) that change what a symptom means.
/// </summary>
internal enum SymptomConcept
{
    // Cardiac
    Chest, Heart, Pain, Burning, Sweat, Radiation, Faint, Pale, Clutch, EmergencyNamed,

    // Intensity and time
    Severe, Sudden, Now, Recurrent, Prevent, Mild, Spreading, Period, Exertion, Accidental, Until,

    // Stroke
    Face, Droop, Limb, Weak, Speech, SpeechBad, Blur, Confused, Move, Speak, See, Walk, Grip, Lift, Recognise,

    // Bleeding
    Blood, Bleed, Heavy, Spurt, Stop, Vomit, Cough, Wound, Deep, Ear, Nose, Mouth, Dark, Stool,

    // Breathing
    Breathe, Breath, BreathCut, Fast, Inhaler, Helps, Air, Enter, Choke, Gasp, Blue, Lips, Breathless, Retraction, Wheeze, Speaking,

    // Poisoning
    Swallow, Household, Medication, Quantity, OtherPerson, Child, Bite, Venomous, PoisonNamed, Overdose, Empty, Gas,

    // Self-harm
    HarmVerb, SelfObject, Wish, Die, Live, Sleep, Wake, Reason, Burden, WithoutMe, Farewell, SuicideNamed, Throw, Cutting, Relief, Continue, Better, Blade, Slash, Rope, Prepare, Endure, Leave,

    // Pregnancy
    Pregnant, Fetus, Water, Descend, Belly, Headache, Swelling, Feel, Labour,

    // Infant
    Infant, Fever, Feed, Lethargic, Fontanelle,

    // Seizure and consciousness
    Seizure, Shake, Eyes, Rolled, Foam, Fell, Ground, FaintNamed, Respond, Answer, Found, Fit, Epilepsy, Ongoing,

    // Anaphylaxis
    Allergen, Throat, Narrow, Tongue, Rash,

    // Neurological
    Worst, Head, Hit, Neck, Stiff, Bend, Purple, Fade, Like, Hammer,

    // Diabetic
    Diabetes, Sugar, Hypo, Acetone, ExtremeValue,

    // Injury and burns
    Accident, Height, Bone, Out, Weapon, Burn, Boiling, Extent, Peeling, Spill,

    // Meningitis, dehydration, pain at rest, laughter (figurative speech)
    Light, Wet, AtRest, Figurative, Testicle, OneDose, Grunt, LowPressure, Changed, Asthma, Mottled, Snore, Stuck, Electric, Smoking,

    // Added on the dev13 set
    Beat, Chemo, Sunken, Diarrhoea, Shorter, Enclosed, Resolved, Asking, LieDown, RightLower,

    // Added on the dev14 set
    Jelly, Tightness,

    // Added on the dev15 set: signs described without the condition's name, and readings
    Side, MouthCorner, PulseAbnormal, LowOxygen, HighPressure, CrisisPressure, Cord, Bile, Pesticide, Tears, Pinpoint,
    Intent, Edge, Vehicle, Chin, Hernia, Infection, Cold, Foul, Bandage, PastAge, Dry, UnderRibs,

    // Emergency signs from a triage checklist, added with the dev15 widening
    Anticoagulant, Drown, Fire, Finger, Amputated, Flaring, Pulse, Hypothermia, PhoneOff, HighPlace,
}
