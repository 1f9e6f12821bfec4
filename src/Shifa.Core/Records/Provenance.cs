namespace Shifa.Core.Records;

/// <summary>
/// Where a record came from. Set when the record is created and carried unchanged through every stage.
/// </summary>
/// <param name="Source">Source dataset name (for real data) or provider name (for generated data).</param>
/// <param name="Kind">Real, LLM-synthetic or offline-augmented.</param>
/// <param name="Provider">Provider that generated it (<c>openai</c>, <c>gemini</c>, <c>offline</c>...), null for real data.</param>
/// <param name="Model">Model id that generated it, null for real data.</param>
/// <param name="PromptVersion">Version of the prompt template used, null for real data.</param>
/// <param name="ExemplarIds">Ids of the seed records shown to the generator.</param>
/// <param name="CreatedAt">When the record was created (ingested or generated).</param>
/// <param name="Licence">Licence of the text, e.g. <c>MIT (c) 2022 Waadtss; text from Altibbi</c>.</param>
/// <param name="WorkItemId">Synthesis work item that produced the record, null for real data.</param>
public sealed record Provenance(
    string Source,
    RecordKind Kind,
    string? Provider,
    string? Model,
    string? PromptVersion,
    IReadOnlyList<string> ExemplarIds,
    DateTimeOffset CreatedAt,
    string? Licence,
    string? WorkItemId = null)
{
    /// <summary>Provenance of a real record ingested from <paramref name="source"/>.</summary>
    public static Provenance RealData(string source, DateTimeOffset createdAt, string? licence = null) =>
        new(source, RecordKind.Real, null, null, null, [], createdAt, licence);
}
