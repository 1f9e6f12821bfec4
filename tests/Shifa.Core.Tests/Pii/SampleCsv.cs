using Shifa.Core.Readers;

namespace Shifa.Core.Tests.Pii;

/// <summary>The shared AraMed sample as column → value rows, read by Shifa's own RFC 4180 table reader.</summary>
internal static class SampleCsv
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var table = TableReader.Open(path);
        var columns = table.Columns;
        return [.. table.Rows().Where(r => r.Problem is null)
            .Select(r => columns.Select((c, i) => (c, v: r.Values[i] ?? "")).ToDictionary(p => p.c, p => p.v))];
    }
}
