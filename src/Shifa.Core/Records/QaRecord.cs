// The unit every stage reads and writes: one patient question with one doctor (or synthetic) answer.
namespace Shifa.Core.Records;

/// <summary>
/// A question–answer pair with its metadata and provenance. Immutable: stages derive new records
/// with <c>with { ... }</c> and never drop <see cref="Provenance"/>.
/// </summary>
public sealed record QaRecord
{
    /// <summary>Stable id. For ingested rows a hash of (source, question, answer); for synthetic ones a hash of the work item and position.</summary>
    public required string Id { get; init; }

    /// <summary>The patient's question (display form, not normalised).</summary>
    public required string Question { get; init; }

    /// <summary>The doctor's (or generated) answer (display form).</summary>
    public required string Answer { get; init; }

    /// <summary>Specialty label as found in the source (free text).</summary>
    public string? Specialty { get; init; }

    /// <summary>Normalised specialty key used for grouping and stratification.</summary>
    public string? SpecialtyKey { get; init; }

    /// <summary>Optional question title.</summary>
    public string? Title { get; init; }

    /// <summary>Patient gender when known: <c>male</c>, <c>female</c> or null.</summary>
    public string? Gender { get; init; }

    /// <summary>Patient age in years when known.</summary>
    public int? AgeYears { get; init; }

    /// <summary>Estimated dialect of the question (<c>msa</c>, <c>egyptian</c>, <c>levantine</c>, <c>gulf</c>, <c>maghrebi</c>).</summary>
    public string? Dialect { get; init; }

    /// <summary>Which split the record belongs to.</summary>
    public RecordSplit Split { get; init; } = RecordSplit.None;

    /// <summary>Where the record comes from; never dropped by any stage.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>True when the record was produced by a generator rather than collected from people.</summary>
    public bool IsSynthetic => Provenance.Kind != RecordKind.Real;
}
