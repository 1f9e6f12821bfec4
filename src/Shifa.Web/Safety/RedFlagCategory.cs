namespace Shifa.Web.Safety;

/// <summary>Kinds of medical emergency the red-flag layer recognises in a user's message.</summary>
public enum RedFlagCategory
{
    /// <summary>Chest pain with sweating, arm/jaw radiation or breathlessness (possible heart attack).</summary>
    Cardiac,
    /// <summary>Face drooping, one-sided weakness, slurred speech, sudden loss of vision (possible stroke).</summary>
    Stroke,
    /// <summary>Heavy bleeding that does not stop, vomiting or coughing blood.</summary>
    SevereBleeding,
    /// <summary>Cannot breathe, choking, blue lips, severe sudden breathlessness.</summary>
    Breathing,
    /// <summary>Poisoning, overdose, swallowed chemicals, venomous bites or stings.</summary>
    Poisoning,
    /// <summary>Suicidal thoughts or self-harm.</summary>
    SelfHarm,
    /// <summary>Bleeding, severe pain, waters breaking early, absent fetal movement in pregnancy.</summary>
    Pregnancy,
    /// <summary>Fever or poor feeding in a baby under three months.</summary>
    InfantFever,
    /// <summary>Fits or convulsions happening now.</summary>
    Seizure,
    /// <summary>Fainted, unconscious, not waking up.</summary>
    Unconscious,
    /// <summary>Swelling of lips, tongue or throat after an allergen (possible anaphylaxis).</summary>
    Anaphylaxis,
    /// <summary>Sudden worst-ever headache, head injury with vomiting, stiff neck with fever.</summary>
    Neurological,
    /// <summary>A person with diabetes who is confused, unresponsive, or has an extreme glucose reading with symptoms.</summary>
    DiabeticEmergency,
    /// <summary>Major trauma (road accident, fall from height, stab or gunshot wound, open fracture) or a large burn.</summary>
    SevereInjury,
    /// <summary>Sudden or severe belly or testicular pain with vomiting, fever, faintness or a rigid belly (acute abdomen).</summary>
    AcuteAbdomen,
    /// <summary>Fever with confusion, mottled or blue skin (possible sepsis).</summary>
    Sepsis,
}
