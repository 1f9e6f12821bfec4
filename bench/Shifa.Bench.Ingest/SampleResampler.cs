// Builds a large input CSV by resampling the bundled sample's rows.
using CsvHelper;
using Shifa.Core.Readers;

namespace Shifa.Bench.Ingest;

/// <summary>Writes <c>rows</c> records drawn with replacement (seeded) from a sample file, in the AraMed-like plain layout.</summary>
internal static class SampleResampler
{
    public static void Write(string samplePath, string outPath, int rows, int seed)
    {
        using var src = TableReader.Open(samplePath);
        string[] keep = ["question", "answer", "specialty", "title", "gender", "age"];
        var idx = keep.Select(k => src.Columns.ToList().IndexOf(k)).ToArray();
        if (idx.Contains(-1))
        {
            throw new InvalidOperationException($"'{samplePath}' lacks one of the columns {string.Join(", ", keep)}.");
        }

        var pool = src.Rows().Where(r => r.Problem is null).Select(r => idx.Select(i => r.Values[i]).ToArray()).ToList();
        var rng = new Random(seed);
        using var f = File.Create(outPath);
        using var csv = CsvWriter.Create(f, new CsvWriterOptions { WriteByteOrderMark = true });
        foreach (var k in keep)
        {
            csv.WriteField(k);
        }

        csv.EndRecord();
        for (var i = 0; i < rows; i++)
        {
            var row = pool[rng.Next(pool.Count)];

            // A row number in the question keeps every resampled row a distinct record (ids hash the text),
            // so the run measures ingestion rather than duplicate detection.
            csv.WriteField($"{row[0]} ({i})");
            for (var c = 1; c < row.Length; c++)
            {
                csv.WriteField(row[c]);
            }

            csv.EndRecord();
        }
    }
}
