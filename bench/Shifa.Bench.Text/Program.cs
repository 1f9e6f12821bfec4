// Text-stage throughput on N records resampled from the AraMed sample: normalize, scrub, estimate dialect, store, profile.
// Usage: dotnet run -c Release --project bench/Shifa.Bench.Text -- [N=100000] [path/to/Sample_AraMed.csv]
using System.Diagnostics;
using Shifa.Bench.Text;
using Shifa.Core.Arabic;
using Shifa.Core.Pii;
using Shifa.Core.Profiling;
using Shifa.Core.Records;
using Shifa.Core.Storage;

var n = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var csv = args.Length > 1 ? args[1] : FindSample();
var rows = SampleRows.Read(csv);
var rng = new Random(42);
var created = DateTimeOffset.UnixEpoch;
var records = Enumerable.Range(0, n).Select(i =>
{
    var (q, a, c) = rows[rng.Next(rows.Count)];
    return new QaRecord
    {
        Id = "b" + i,
        Question = q,
        Answer = a,
        Specialty = c,
        SpecialtyKey = c,
        Provenance = Provenance.RealData("bench", created),
    };
}).ToList();
var chars = records.Sum(r => (long)r.Question.Length + r.Answer.Length);
Console.WriteLine($"{n} records resampled from {rows.Count} rows of {csv}; {chars / 1e6:F1} M chars; {Environment.ProcessorCount} cores");

// Wall time is reported with process CPU time: on a shared machine CPU time is the steadier figure.
void Time(string name, Action<QaRecord> action)
{
    foreach (var r in records.Take(200))
    {
        action(r); // warm-up: JIT and static tables
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    foreach (var r in records)
    {
        action(r);
    }

    sw.Stop();
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine($"{name,-28} wall {sw.Elapsed.TotalSeconds,6:F2} s  cpu {cpuSeconds,6:F2} s  {n / cpuSeconds,9:N0} records/cpu-s");
}

Time("normalize ForMatching", r => { ArabicNormalizer.ForMatching.Normalize(r.Question); ArabicNormalizer.ForMatching.Normalize(r.Answer); });
Time("normalize ForDisplay", r => { ArabicNormalizer.ForDisplay.Normalize(r.Question); ArabicNormalizer.ForDisplay.Normalize(r.Answer); });
Time("tokenize (word count)", r => { ArabicWordTokenizer.CountWords(r.Question); ArabicWordTokenizer.CountWords(r.Answer); });
Time("dialect estimate (question)", r => DialectEstimator.Estimate(r.Question));
Time("PII scrub (question+answer)", r => { PiiScrubber.Scrub(r.Question); PiiScrubber.Scrub(r.Answer); });

// Where ForMatching spends its time: each step alone over the texts as they reach it.
var texts = records.SelectMany(r => new[] { r.Question, r.Answer }).ToArray();
foreach (var step in ArabicNormalizer.ForMatching.Steps)
{
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < texts.Length; i++)
    {
        texts[i] = step.Normalize(texts[i]);
    }

    Console.WriteLine($"  step {step.GetType().Name,-30} {sw.Elapsed.TotalMilliseconds,8:F0} ms");
}

var dir = Path.Combine(Path.GetTempPath(), "shifa-bench-text-" + Guid.NewGuid().ToString("N"));
try
{
    var ws = Workspace.Open(dir);
    var sw = Stopwatch.StartNew();
    new RecordStore(ws).Insert(records);
    Console.WriteLine($"{"store insert",-28} {sw.Elapsed.TotalSeconds,7:F2} s");
    sw.Restart();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var result = ProfileRun.Run(ws);
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine($"{"profile (read+compute+write)",-28} wall {sw.Elapsed.TotalSeconds,6:F2} s  cpu {cpuSeconds,6:F2} s  {n / cpuSeconds,9:N0} records/cpu-s (parallel)");
    Console.WriteLine($"profile: {result.Profile.RecordCount} records, {result.Profile.Specialties.Count} specialties, question duplicate rate {result.Profile.Duplicates.QuestionDuplicateRate:P1}");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dir, recursive: true);
}

static string FindSample()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        var p = Path.Combine(d.FullName, "shared", "data", "aramed", "Sample_AraMed.csv");
        if (File.Exists(p))
        {
            return p;
        }
    }

    throw new FileNotFoundException("Sample_AraMed.csv not found above the bench folder; pass its path as the second argument.");
}
