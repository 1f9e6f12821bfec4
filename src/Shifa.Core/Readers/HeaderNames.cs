namespace Shifa.Core.Readers;

/// <summary>Turns raw header cells into unique, non-empty column names.</summary>
public static class HeaderNames
{
    /// <summary>
    /// Trims each name, names empty cells <c>Column N</c> (1-based) and suffixes repeats with
    /// <c> (2)</c>, <c> (3)</c>... so every column stays addressable by name.
    /// </summary>
    public static IReadOnlyList<string> MakeUnique(IEnumerable<string?> raw)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var cell in raw)
        {
            var name = cell?.Trim().TrimStart('\uFEFF') ?? "";
            if (name.Length == 0)
            {
                name = $"Column {result.Count + 1}";
            }

            if (seen.TryGetValue(name, out var n))
            {
                seen[name] = n + 1;
                name = $"{name} ({n + 1})";
            }
            else
            {
                seen[name] = 1;
            }

            result.Add(name);
        }

        return result;
    }
}
