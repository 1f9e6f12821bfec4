// Classical Arabic augmentation of seed pairs: reformulation, dialect substitution, typing noise. No model involved.
using System.Globalization;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Offline;

/// <summary>
/// The offline provider: for a work item, pair i takes exemplar i mod k and rewrites its question by
/// (1) a reformulation frame for the item's question type, (2) the dialect table for the item's
/// dialect, (3) orthographic noise as users type. The seed answer is kept unchanged (augmentation
/// perturbs inputs, not labels). Records are <see cref="RecordKind.OfflineAugmented"/>, never LLM output.
/// Deterministic: draws come from a seed derived from the item id and pair index.
/// </summary>
public sealed class OfflineAugmenter(OrthographicNoise? noise = null)
{
    /// <summary>Provider name of augmented records.</summary>
    public const string ProviderName = "offline";

    /// <summary>Recipe version recorded as the prompt version.</summary>
    public const string Version = "offline-aug-v1";

    /// <summary>Model id recorded in provenance.</summary>
    public const string ModelName = "shifa-offline-augmenter";

    private readonly OrthographicNoise _noise = noise ?? new OrthographicNoise();

    /// <summary>Produces <see cref="WorkItem.Pairs"/> records from the item's exemplars.</summary>
    public List<QaRecord> Augment(WorkItem item, IReadOnlyList<QaRecord> exemplars, DateTimeOffset createdAt)
    {
        if (exemplars.Count == 0)
        {
            throw new ArgumentException($"Work item {item.Id} has no exemplars to augment.", nameof(exemplars));
        }

        var records = new List<QaRecord>(item.Pairs);
        for (var i = 0; i < item.Pairs; i++)
        {
            var seed = exemplars[i % exemplars.Count];
            var rng = new Random(int.Parse(ContentHash.Short(7, item.Id, i.ToString(CultureInfo.InvariantCulture)), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            var question = QuestionReformulator.Apply(seed.Question, item.QuestionType, rng);
            question = DialectLexicon.Apply(question, item.Dialect);
            question = _noise.Apply(question, rng);
            records.Add(new QaRecord
            {
                Id = ContentHash.Short(32, item.Id, i.ToString(CultureInfo.InvariantCulture)),
                Question = question,
                Answer = seed.Answer,
                Specialty = seed.Specialty,
                SpecialtyKey = seed.SpecialtyKey ?? item.SpecialtyKey,
                Title = seed.Title,
                Gender = seed.Gender,
                AgeYears = seed.AgeYears,
                Dialect = item.Dialect,
                Provenance = new Provenance(ProviderName, RecordKind.OfflineAugmented, ProviderName, ModelName, item.PromptVersion, [seed.Id], createdAt, seed.Provenance.Licence, item.Id),
            });
        }

        return records;
    }
}
