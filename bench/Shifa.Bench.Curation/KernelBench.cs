// Exact within-set top-k search: tiled AVX-512 kernel vs one TensorPrimitives.Dot per pair, same data, same run.
using System.Diagnostics;
using Shifa.Curation.Search;

namespace Shifa.Bench.Curation;

internal static class KernelBench
{
    public static void Run(int rows, int dims)
    {
        var path = Path.Combine(Path.GetTempPath(), $"shifa-kernel-{Environment.ProcessId}.f32");
        var rng = new Random(1);
        using (var w = new EmbeddingMatrixWriter(path, dims))
        {
            var v = new float[dims];
            for (var r = 0; r < rows; r++)
            {
                for (var d = 0; d < dims; d++)
                {
                    v[d] = (float)(rng.NextDouble() * 2 - 1);
                }

                w.Append(v);
            }

            w.Complete().Dispose();
        }

        using var m = EmbeddingMatrix.Open(path, dims);
        var ids = Enumerable.Range(0, rows).ToArray();
        var pairs = (double)rows * (rows - 1) / 2;
        double Time(bool tiled)
        {
            VectorSearch.UseTiledKernel = tiled;
            var self = Process.GetCurrentProcess();
            var cpu0 = self.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            VectorSearch.TopK(m, ids, m, ids, 8, earlierOnly: true);
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
            Console.WriteLine($"{(tiled ? "tiled 4x4 AVX-512" : "TensorPrimitives.Dot per pair"),-30} {rows}x{rows}/2 dims {dims}: wall {wall.Elapsed.TotalSeconds:0.00}s cpu {cpu:0.00}s  {pairs * dims / cpu / 1e9:0.0} GMAC per cpu-second");
            return cpu;
        }

        var scalar = Time(false);
        var tiled = Time(true);
        Console.WriteLine($"tiled kernel speed-up (cpu time ratio): {scalar / tiled:0.00}x; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        VectorSearch.UseTiledKernel = true;
        File.Delete(path);
    }
}
