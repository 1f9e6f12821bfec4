// Turns a work item's parsed pairs into records; shared by the live engine and the batch reader so both give the same ids.
using System.Globalization;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Prompts;

namespace Shifa.Synthesis.Engine;

/// <summary>Builds LLM-synthetic records with full provenance from a work item and its parsed pairs.</summary>
internal static class GeneratedRecords
{
    /// <summary>Record i of an item has id hash(item, i), so re-running or batching an item never duplicates it.</summary>
    public static List<QaRecord> From(WorkItem item, IEnumerable<GeneratedPair> pairs, string provider, string? model)
    {
        var now = DateTimeOffset.UtcNow;
        return pairs.Select((p, i) => new QaRecord
        {
            Id = ContentHash.Short(32, item.Id, i.ToString(CultureInfo.InvariantCulture)),
            Question = p.Question,
            Answer = p.Answer,
            Specialty = item.Specialty,
            SpecialtyKey = item.SpecialtyKey,
            Gender = item.Persona.Gender,
            AgeYears = item.Persona.AgeYears,
            Dialect = item.Dialect,
            Provenance = new Provenance(provider, RecordKind.LlmSynthetic, provider, model, item.PromptVersion, item.ExemplarIds, now, null, item.Id),
        }).ToList();
    }
}
