// Curation benchmark: the whole chain over N synthetic + M seed records with the built-in embedder.
// Usage: dotnet run -c Release --project bench/Shifa.Bench.Curation -- [--synthetic 100000] [--seed 20000] [--workspace DIR]
using System.Diagnostics;
using System.Globalization;
using Shifa.Bench.Curation;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Reporting;
using Shifa.Curation.Storage;

if (args.Contains("--kernel"))
{
    KernelBench.Run(Arg("--rows", 20_000), Arg("--dims", 256));
    return;
}

var synthetic = Arg("--synthetic", 100_000);
var seedCount = Arg("--seed", 20_000);
var folder = args.SkipWhile(a => a != "--workspace").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "shifa-bench-curation-" + Environment.ProcessId);
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"cores {Environment.ProcessorCount}, synthetic {synthetic}, seed {seedCount}, workspace {folder}");

var watch = Stopwatch.StartNew();
var (seed, syn) = SyntheticCorpus.Build(seedCount, synthetic, testShare: 0.1);
var ws = Workspace.Open(folder, CurationSchema.Instance);
var store = new RecordStore(ws);
store.Insert(seed);
store.Insert(syn);
Console.WriteLine($"setup (generate + insert, not part of the chain): {watch.Elapsed.TotalSeconds:0.0}s");
seed = null!;
syn = null!;
GC.Collect();

// Wall time suffers when the machine is shared; process CPU time per stage is reported beside it
// (CPU seconds / cores approximates the wall time of an unloaded machine with that many cores).
var self = Process.GetCurrentProcess();
var cpuMark = self.TotalProcessorTime;
var total = Stopwatch.StartNew();
var progress = new SyncProgress(s =>
{
    self.Refresh();
    var cpu = (self.TotalProcessorTime - cpuMark).TotalSeconds;
    cpuMark = self.TotalProcessorTime;
    Console.WriteLine($"  {s.Stage,-17} inputs {s.Inputs,7}  decided {s.Decided,7}  dropped {s.Dropped,6}  wall {s.Seconds,7:0.00}s  cpu {cpu,7:0.00}s  heap {GC.GetTotalMemory(false) >> 20,5} MiB  ws {self.WorkingSet64 >> 20,5} MiB");
});
var result = await CurationRunner.RunAsync(ws, new CurationOptions(), progress: progress);
var chain = total.Elapsed.TotalSeconds;
var reportWatch = Stopwatch.StartNew();
var report = CurationReport.Build(ws, result.RunId);
CurationReportWriter.Write(report, ws.ArtifactPath("curate"));
Console.WriteLine($"  {"report",-17} {reportWatch.Elapsed.TotalSeconds,55:0.00}s");
self.Refresh();
Console.WriteLine($"chain {chain:0.0}s + report {reportWatch.Elapsed.TotalSeconds:0.0}s = {total.Elapsed.TotalSeconds:0.0}s wall; process cpu {self.TotalProcessorTime.TotalSeconds:0.0}s; kept {result.Kept}/{result.Targets}; peak working set {self.PeakWorkingSet64 / (1024 * 1024)} MiB");
Console.WriteLine($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");

var again = Stopwatch.StartNew();
var rerun = await CurationRunner.RunAsync(ws, new CurationOptions());
Console.WriteLine($"re-run with the same config: {again.Elapsed.TotalSeconds:0.0}s, {rerun.Decided} decisions made");

int Arg(string name, int fallback)
{
    var v = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return v is null ? fallback : int.Parse(v, CultureInfo.InvariantCulture);
}

internal sealed class SyncProgress(Action<StageRunSummary> report) : IProgress<StageRunSummary>
{
    public void Report(StageRunSummary value) => report(value);
}
