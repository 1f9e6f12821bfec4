// Training tokens/s and MFU of Shifa's trainer for shifa-tiny and a ~25M model, against the matmul peak
// and a PyTorch peer (Debian's python3-torch) training the same model for the same steps, all in one run.
using System.Diagnostics;
using System.Globalization;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Native;
using Shifa.Modeling.Presets;
using Shifa.Modeling.Training;
using static TorchSharp.torch;

namespace Shifa.Bench.Training;

internal static class ThroughputBenchmark
{
    public static int Run(string[] args)
    {
        var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        TorchRuntime.EnsureInitialized();
        var threads = TorchRuntime.ThreadCount;
        Console.WriteLine($"threads {threads}, OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset)"}, steps {steps} after 1 warm-up");
        var peak = MatmulGflops(1024, 10);
        Console.WriteLine($"fp32 matmul peak (1024³): {peak:F0} GFLOP/s");

        var tiny = ShifaPresets.Get("shifa-tiny").Architecture with { VocabSize = 2048 };
        var medium = ModelConfigPresets.Get("llama-25m");
        foreach (var (name, config, batch, time) in new[] { ("shifa-tiny", tiny, 8, 256), ("llama-25m", medium, 8, 256) })
        {
            using var model = ShifaPresets.CreateModel(config, seed: 1);
            var parameters = model.parameters().Sum(p => p.numel());
            var flopsPerToken = 6.0 * parameters + 12.0 * config.NumLayers * time * config.HiddenSize;
            var rows = RandomRows(config.VocabSize, batch * (steps + 1), time);
            var options = new SftTrainingOptions
            {
                Epochs = 1, BatchSize = batch, SequenceLength = time, MaxSteps = steps + 1, EvalEvery = 0, LearningRate = 1e-3, Pack = true,
            };
            var metrics = SftTrainer.Train(model, rows, [], options);
            var ours = metrics.Skip(1).Sum(m => (double)batch * time) / metrics.Skip(1).Sum(m => batch * time / m.TokensPerSecond);
            var mfu = ours * flopsPerToken / 1e9 / peak;
            Console.WriteLine($"{name}: {parameters / 1e6:F1}M parameters, batch {batch}×{time}: Shifa {ours:F0} tokens/s, " +
                              $"{ours * flopsPerToken / 1e9:F0} GFLOP/s, MFU {100 * mfu:F0}%");
            var peer = RunPeer(config, batch, time, steps, threads);
            Console.WriteLine(peer is { } p
                ? $"{name}: PyTorch peer {p:F0} tokens/s; Shifa / peer = {ours / p:F2}"
                : $"{name}: PyTorch peer not run (/usr/bin/python3 with torch missing: apt-get install python3-torch)");
        }

        return 0;
    }

    private static List<SftRow> RandomRows(int vocab, int count, int time)
    {
        var random = new Random(3);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var ids = Enumerable.Range(0, time + 1).Select(_ => random.Next(vocab)).ToArray();
            return new SftRow(ids[..time], ids[1..]);
        }).ToList();
    }

    private static double MatmulGflops(int n, int repeats)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n);
        var b = randn(n, n);
        a.matmul(b);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
        {
            a.matmul(b).Dispose();
        }

        return 2.0 * n * n * n * repeats / clock.Elapsed.TotalSeconds / 1e9;
    }

    private static double? RunPeer(ModelConfig c, int batch, int time, int steps, int threads)
    {
        const string python = "/usr/bin/python3";
        var script = Path.Combine(AppContext.BaseDirectory, "peer_train.py");
        if (!File.Exists(python))
        {
            return null;
        }

        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new object[] { script, c.VocabSize, c.HiddenSize, c.IntermediateSize, c.NumLayers, c.NumHeads, c.NumKeyValueHeads, batch, time, steps, threads })
        {
            info.ArgumentList.Add(Convert.ToString(arg, CultureInfo.InvariantCulture)!);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"peer failed: {error.Trim()}");
            return null;
        }

        var field = output.Split(' ').First(f => f.StartsWith("tokens_per_second=", StringComparison.Ordinal));
        return double.Parse(field["tokens_per_second=".Length..], CultureInfo.InvariantCulture);
    }
}
