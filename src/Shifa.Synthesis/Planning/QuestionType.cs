namespace Shifa.Synthesis.Planning;

/// <summary>The kind of patient question a work item asks the generator for.</summary>
public enum QuestionType
{
    /// <summary>Describes symptoms and asks what they mean.</summary>
    Symptoms,
    /// <summary>Asks whether a condition is present or how it is diagnosed.</summary>
    Diagnosis,
    /// <summary>Asks about a drug, its dose or side effects.</summary>
    Medication,
    /// <summary>Asks about diet, exercise, sleep or habits.</summary>
    Lifestyle,
    /// <summary>Asks about pregnancy, fertility or breastfeeding.</summary>
    Pregnancy,
    /// <summary>A parent asking about a child.</summary>
    ChildHealth,
    /// <summary>Asks what a lab or imaging result means.</summary>
    TestResults,
}
