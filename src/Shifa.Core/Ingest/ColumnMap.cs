namespace Shifa.Core.Ingest;

/// <summary>
/// Which input column feeds which record field. Question and answer are required; the rest are
/// optional. Column names are matched exactly first, then ignoring case and surrounding spaces.
/// </summary>
public sealed record ColumnMap
{
    /// <summary>The field names accepted by <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["question", "answer", "specialty", "title", "gender", "age"];

    /// <summary>Column with the patient's question.</summary>
    public string? Question { get; init; }

    /// <summary>Column with the answer.</summary>
    public string? Answer { get; init; }

    /// <summary>Column with the specialty or category label.</summary>
    public string? Specialty { get; init; }

    /// <summary>Column with the question title, also the fallback when the question is empty.</summary>
    public string? Title { get; init; }

    /// <summary>Column with the patient's gender.</summary>
    public string? Gender { get; init; }

    /// <summary>Column with the patient's age.</summary>
    public string? Age { get; init; }

    /// <summary>The mapped (field, column) pairs, in <see cref="FieldNames"/> order.</summary>
    public IEnumerable<(string Field, string Column)> Pairs()
    {
        string?[] columns = [Question, Answer, Specialty, Title, Gender, Age];
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is { } c)
            {
                yield return (FieldNames[i], c);
            }
        }
    }

    /// <summary>Fills the fields this map leaves unset from <paramref name="defaults"/>.</summary>
    public ColumnMap Over(ColumnMap defaults) => new()
    {
        Question = Question ?? defaults.Question,
        Answer = Answer ?? defaults.Answer,
        Specialty = Specialty ?? defaults.Specialty,
        Title = Title ?? defaults.Title,
        Gender = Gender ?? defaults.Gender,
        Age = Age ?? defaults.Age,
    };

    /// <summary>
    /// Parses <c>question=COL,answer=COL,specialty=COL,title=COL,gender=COL,age=COL</c> (any subset, any order).
    /// </summary>
    /// <exception cref="FormatException">An entry is not <c>field=column</c> or names an unknown field.</exception>
    public static ColumnMap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new ColumnMap();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=');
            if (eq <= 0 || eq == entry.Length - 1)
            {
                throw new FormatException($"--map entry '{entry}' is not field=column (fields: {string.Join(", ", FieldNames)}).");
            }

            var field = entry[..eq].Trim().ToLowerInvariant();
            var column = entry[(eq + 1)..].Trim();
            map = field switch
            {
                "question" => map with { Question = column },
                "answer" => map with { Answer = column },
                "specialty" or "category" => map with { Specialty = column },
                "title" => map with { Title = column },
                "gender" => map with { Gender = column },
                "age" => map with { Age = column },
                _ => throw new FormatException($"--map field '{field}' is unknown; use {string.Join(", ", FieldNames)}."),
            };
        }

        return map;
    }
}
