// Reads the bundled sample's questions and answers (samples/aramed-sample.csv) for the benchmarks.
using Shifa.Core.Readers;

namespace Shifa.Bench.Training;

internal static class SampleText
{
    public static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "aramed-sample.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/aramed-sample.csv not found above the benchmark's folder; run from the repository.");
    }

    public static List<(string Question, string Answer)> Read(string path)
    {
        using var table = TableReader.Open(path);
        var question = IndexOf(table, "question");
        var answer = IndexOf(table, "answer");
        return table.Rows().Select(r => (r.Values[question] ?? "", r.Values[answer] ?? "")).ToList();
    }

    private static int IndexOf(ITableSource table, string column)
    {
        var index = table.Columns.ToList().IndexOf(column);
        return index >= 0 ? index : throw new InvalidDataException($"The sample has no '{column}' column.");
    }
}
