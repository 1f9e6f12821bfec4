// The profile of a workspace's records, written as profile/profile.json; synthesis plans its quotas from it.
namespace Shifa.Core.Profiling;

/// <summary>
/// What the records of a workspace look like. Serialised (camelCase, enums as strings) to
/// <c>profile/profile.json</c>; the schema is versioned by <see cref="SchemaVersion"/> and only
/// grows by added properties within a version. Dictionaries are written with sorted keys so the
/// file is stable for the same records.
/// </summary>
/// <param name="SchemaVersion">Version of this schema; currently <see cref="CurrentSchemaVersion"/>.</param>
/// <param name="GeneratedAt">When the profile was computed (UTC).</param>
/// <param name="RecordCount">Number of records profiled.</param>
/// <param name="Kinds">Records per kind: <c>Real</c>, <c>LlmSynthetic</c>, <c>OfflineAugmented</c>.</param>
/// <param name="Sources">Records per provenance source.</param>
/// <param name="Specialties">Specialty distribution, most frequent first (ties by key).</param>
/// <param name="QuestionLength">Question lengths in characters and words.</param>
/// <param name="AnswerLength">Answer lengths in characters and words.</param>
/// <param name="Dialects">Records per dialect of the question: the stored <c>Dialect</c>, else <see cref="Arabic.DialectEstimator"/>'s estimate; every dialect listed.</param>
/// <param name="QuestionArabicRatio">Distribution of <see cref="Arabic.ArabicScript.Ratio"/> over questions.</param>
/// <param name="AnswerArabicRatio">Distribution of <see cref="Arabic.ArabicScript.Ratio"/> over answers.</param>
/// <param name="Duplicates">Exact duplicates after matching normalisation.</param>
/// <param name="Pii">Personal-information hits.</param>
public sealed record DatasetProfile(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    int RecordCount,
    IReadOnlyDictionary<string, int> Kinds,
    IReadOnlyDictionary<string, int> Sources,
    IReadOnlyList<SpecialtyShare> Specialties,
    LengthProfile QuestionLength,
    LengthProfile AnswerLength,
    IReadOnlyDictionary<string, int> Dialects,
    Distribution QuestionArabicRatio,
    Distribution AnswerArabicRatio,
    DuplicateProfile Duplicates,
    PiiProfile Pii)
{
    /// <summary>The schema version this build writes.</summary>
    public const int CurrentSchemaVersion = 1;
}
