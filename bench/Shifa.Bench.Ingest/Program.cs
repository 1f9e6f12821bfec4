// Ingest + normalize (+ profile when available) of N resampled records; prints seconds per phase and rows/s.
// Usage: dotnet run -c Release --project bench/Shifa.Bench.Ingest [-- --rows 100000 --sample samples/aramed-sample.csv]
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Shifa.Bench.Ingest;
using Shifa.Core.Arabic;
using Shifa.Core.Ingest;
using Shifa.Core.Readers;
using Shifa.Core.Storage;

var rows = 100_000;
string? sample = null;
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--rows")
    {
        rows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--sample")
    {
        sample = args[++i];
    }
}

sample ??= FindUp(Path.Combine("samples", "aramed-sample.csv"))
    ?? throw new FileNotFoundException("samples/aramed-sample.csv not found; pass --sample PATH.");
var dir = Path.Combine(Path.GetTempPath(), "shifa-bench-ingest-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dir);
try
{
    var csvPath = Path.Combine(dir, "resampled.csv");
    var results = new List<(string Phase, double Seconds, double Cpu, long Items)>();
    var process = System.Diagnostics.Process.GetCurrentProcess();
    var cpu0 = TimeSpan.Zero;
    void Mark(string phase, Stopwatch watch, long items)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        results.Add((phase, watch.Elapsed.TotalSeconds, (cpu - cpu0).TotalSeconds, items));
        cpu0 = cpu;
    }

    process.Refresh();
    cpu0 = process.TotalProcessorTime;

    var sw = Stopwatch.StartNew();
    SampleResampler.Write(sample, csvPath, rows, seed: 17);
    Mark("generate csv", sw, rows);
    Console.WriteLine($"input: {rows:N0} rows resampled from {sample} ({new FileInfo(csvPath).Length / 1e6:F1} MB)");

    sw.Restart();
    long parsed = 0;
    using (var src = TableReader.Open(csvPath))
    {
        foreach (var _ in src.Rows())
        {
            parsed++;
        }
    }

    Mark("read csv only", sw, parsed);

    var ws = Workspace.Open(Path.Combine(dir, "ws"));
    sw.Restart();
    var ingest = new RecordIngestor(ws).Ingest(csvPath, new IngestOptions { Source = "bench" });
    Mark("ingest", sw, ingest.RowsRead);
    Console.WriteLine($"ingest: {ingest.Summary}");

    sw.Restart();
    var records = new RecordStore(ws).Read();
    Mark("read records back", sw, records.Count);

    sw.Restart();
    long chars = 0;
    foreach (var r in records)
    {
        chars += ArabicNormalizer.ForMatching.Normalize(r.Question).Length + ArabicNormalizer.ForMatching.Normalize(r.Answer).Length;
    }

    Mark("normalize (matching, q+a)", sw, records.Count);

    Console.WriteLine();
    // CPU seconds next to wall seconds: on a shared machine the wall clock also measures the neighbours.
    Console.WriteLine($"{"phase",-28} {"wall s",9} {"cpu s",9} {"rows/s",12} {"rows/cpu-s",12}");
    foreach (var (phase, seconds, cpu, items) in results)
    {
        Console.WriteLine($"{phase,-28} {seconds,9:F2} {cpu,9:F2} {items / seconds,12:N0} {items / cpu,12:N0}");
    }

    var read = results.Single(r => r.Phase == "read csv only").Seconds;
    var ing = results.Single(r => r.Phase == "ingest").Seconds;
    Console.WriteLine($"ingest / read-only time ratio: {ing / read:F1}x");
    Console.WriteLine($"total ingest + normalize: {ing + results.Single(r => r.Phase.StartsWith("normalize")).Seconds:F2} s for {rows:N0} rows");
    return ingest.RowsRead == ingest.Ingested + ingest.Rejected + ingest.Duplicates ? 0 : 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

static string? FindUp(string relative)
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        var p = Path.Combine(d.FullName, relative);
        if (File.Exists(p))
        {
            return p;
        }
    }

    return null;
}
