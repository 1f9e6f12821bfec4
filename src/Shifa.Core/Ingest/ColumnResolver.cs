// Matching of mapped column names against a file's header, and the columns never to be stored.
using System.Text.RegularExpressions;

namespace Shifa.Core.Ingest;

/// <summary>Finds columns by name and recognises columns that hold personal names.</summary>
public static partial class ColumnResolver
{
    /// <summary>Index of <paramref name="name"/> in <paramref name="columns"/> (exact, then case- and space-insensitive), or -1.</summary>
    public static int Find(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var wanted = name.Trim();
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i].Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a column holds people's names (doctor names in AraMed). Such columns are never mapped,
    /// stored or echoed in reject records.
    /// </summary>
    public static bool IsPersonalName(string column) => PersonalNamePattern().IsMatch(column);

    [GeneratedRegex(@"(name\s+of\s+(the\s+)?(doctor|physician|patient)|(doctor|physician|patient)['’]?s?\s*name|اسم\s+(ال)?(طبيب|دكتور|مريض))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PersonalNamePattern();
}
