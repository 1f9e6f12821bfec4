using System.Text.Json;
using System.Text.Json.Serialization;
using Shifa.Core.Records;

namespace Shifa.Core.Export;

/// <summary>
/// A record flattened into the columns of the JSONL, CSV and Parquet exports. The names match the
/// workspace's <c>records</c> table and Shifa's plain ingest layout, so an export re-ingests as is.
/// </summary>
public sealed class ExportRow
{
    /// <summary>Column names in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "question", "answer", "specialty", "specialty_key", "title", "gender", "age", "dialect", "split",
        "source", "kind", "provider", "model", "prompt_version", "exemplar_ids", "work_item_id", "created_at", "licence",
    ];

    // Each property below is the column named in its JsonPropertyName (also used by the Parquet writer).
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("question")] public string Question { get; set; } = "";
    [JsonPropertyName("answer")] public string Answer { get; set; } = "";
    [JsonPropertyName("specialty")] public string? Specialty { get; set; }
    [JsonPropertyName("specialty_key")] public string? SpecialtyKey { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("gender")] public string? Gender { get; set; }
    [JsonPropertyName("age")] public int? Age { get; set; }
    [JsonPropertyName("dialect")] public string? Dialect { get; set; }
    [JsonPropertyName("split")] public string Split { get; set; } = "";
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("provider")] public string? Provider { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("prompt_version")] public string? PromptVersion { get; set; }
    [JsonPropertyName("exemplar_ids")] public string ExemplarIds { get; set; } = "[]";
    [JsonPropertyName("work_item_id")] public string? WorkItemId { get; set; }
    [JsonPropertyName("created_at")] public string CreatedAt { get; set; } = "";
    [JsonPropertyName("licence")] public string? Licence { get; set; }

    /// <summary>Flattens <paramref name="r"/>.</summary>
    public static ExportRow From(QaRecord r) => new()
    {
        Id = r.Id,
        Question = r.Question,
        Answer = r.Answer,
        Specialty = r.Specialty,
        SpecialtyKey = r.SpecialtyKey,
        Title = r.Title,
        Gender = r.Gender,
        Age = r.AgeYears,
        Dialect = r.Dialect,
        Split = r.Split.ToString().ToLowerInvariant(),
        Source = r.Provenance.Source,
        Kind = r.Provenance.Kind.ToString(),
        Provider = r.Provenance.Provider,
        Model = r.Provenance.Model,
        PromptVersion = r.Provenance.PromptVersion,
        ExemplarIds = JsonSerializer.Serialize(r.Provenance.ExemplarIds),
        WorkItemId = r.Provenance.WorkItemId,
        CreatedAt = r.Provenance.CreatedAt.ToString("O"),
        Licence = r.Provenance.Licence,
    };

    /// <summary>The values in <see cref="Columns"/> order, as text (null stays null).</summary>
    public string?[] Values() =>
    [
        Id, Question, Answer, Specialty, SpecialtyKey, Title, Gender, Age?.ToString(System.Globalization.CultureInfo.InvariantCulture), Dialect, Split,
        Source, Kind, Provider, Model, PromptVersion, ExemplarIds, WorkItemId, CreatedAt, Licence,
    ];
}
