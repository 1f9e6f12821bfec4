// Reads question/answer/category triples from the AraMed sample CSV through Shifa's own table reader.
using Shifa.Core.Readers;

namespace Shifa.Bench.Text;

internal static class SampleRows
{
    public static List<(string Question, string Answer, string Category)> Read(string path)
    {
        using var table = TableReader.Open(path);
        var header = table.Columns.ToList();
        int Col(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{path}: no column '{name}'.");
        var (title, description, answer, category) = (Col("Question title"), Col("Question description"), Col("Answer details 1"), Col("Question category"));
        return [.. table.Rows().Where(r => r.Problem is null).Select(r => (
            string.IsNullOrWhiteSpace(r.Values[description]) ? r.Values[title] ?? "" : r.Values[description]!,
            r.Values[answer] ?? "",
            (r.Values[category] ?? "").Trim()))];
    }
}
