namespace Shifa.Core.Ingest;

/// <summary>A column layout Shifa recognises by its header, with the defaults it implies.</summary>
/// <param name="Name">Layout name, shown in the ingest summary.</param>
/// <param name="Map">Default column map.</param>
/// <param name="DefaultSource">Source name used when none is given.</param>
/// <param name="DefaultLicence">Licence recorded when none is given.</param>
public sealed record KnownLayout(string Name, ColumnMap Map, string? DefaultSource, string? DefaultLicence)
{
    /// <summary>Other column names tried for an optional field when the mapped one is absent.</summary>
    public IReadOnlyDictionary<string, string[]> Alternatives { get; init; } = new Dictionary<string, string[]>();

    /// <summary>The AraMed corpus (Altibbi questions with doctor answers).</summary>
    public static KnownLayout AraMed { get; } = new(
        "aramed",
        new ColumnMap
        {
            Question = "Question description",
            Answer = "Answer details 1",
            Specialty = "Question category",
            Title = "Question title",
            Gender = "Gender",
            Age = "Age",
        },
        "aramed",
        "MIT (c) 2022 Waadtss; text originally from Altibbi");

    /// <summary>Plain lower-case names, as Shifa's own CSV/JSONL/Parquet exports write them.</summary>
    public static KnownLayout Plain { get; } = new(
        "plain",
        new ColumnMap { Question = "question", Answer = "answer", Specialty = "specialty", Title = "title", Gender = "gender", Age = "age" },
        null,
        null)
    {
        Alternatives = new Dictionary<string, string[]> { ["specialty"] = ["category", "specialty_key"] },
    };

    /// <summary>Layouts tried in order.</summary>
    public static IReadOnlyList<KnownLayout> All { get; } = [AraMed, Plain];

    /// <summary>The first layout whose question and answer columns are all present in <paramref name="columns"/>, or null.</summary>
    public static KnownLayout? Detect(IReadOnlyList<string> columns) =>
        All.FirstOrDefault(l => ColumnResolver.Find(columns, l.Map.Question!) >= 0 && ColumnResolver.Find(columns, l.Map.Answer!) >= 0);
}
