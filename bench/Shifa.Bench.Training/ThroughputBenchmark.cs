// Training tokens/s and MFU of Shifa's trainer for shifa-tiny and a ~25M model in fp32 and bf16, against the fp32 and
// bf16 matmul peaks and a PyTorch peer (Debian's python3-torch) training the same model, all in one run.
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
    // The peer's 25M run takes minutes per step in fp32 on two shared cores, so it gets fewer timed steps than Shifa;
    // the comparison is per step (tokens/s), which does not depend on the step count once warmed up.
    private const int PeerSteps25M = 2;

    public static int Run(string[] args)
    {
        var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var models = args.Length > 1 ? args[1].Split(',') : ["shifa-tiny", "llama-25m"];
        var precisions = (args.Length > 2 ? args[2].Split(',') : ["fp32", "bf16"]).Select(TrainingPrecisions.Parse).ToArray();
        var withPeer = !args.Contains("--no-peer");
        TorchRuntime.EnsureInitialized();
        var threads = TorchRuntime.ThreadCount;
        Console.WriteLine($"threads {threads}, OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset)"}, " +
                          $"Shifa {steps} steps after 1 warm-up; auto precision here = {TrainingPrecisions.Name(TrainingPrecisions.Resolve(TrainingPrecision.Auto, CPU))}");
        Console.WriteLine("Rates are given by wall time and by CPU time (work per CPU-second × threads: the rate with the cores to itself, " +
                          "which a machine shared with other work distorts far less).");
        var peaks = new Dictionary<TrainingPrecision, Rate>
        {
            [TrainingPrecision.Fp32] = MatmulGflops(2048, ScalarType.Float32, threads),
            [TrainingPrecision.Bf16] = MatmulGflops(2048, ScalarType.BFloat16, threads),
        };
        Console.WriteLine($"matmul peak (2048³, best of 5) GFLOP/s: fp32 {peaks[TrainingPrecision.Fp32]}, bf16 {peaks[TrainingPrecision.Bf16]} (wall / CPU time)");

        var tiny = ShifaPresets.Get("shifa-tiny").Architecture with { VocabSize = 2048 };
        var medium = ModelConfigPresets.Get("llama-25m");
        foreach (var (name, config, batch, time, peerSteps) in new[]
                 {
                     ("shifa-tiny", tiny, 8, 256, steps),
                     ("llama-25m", medium, 8, 256, Math.Min(steps, PeerSteps25M)),
                 }.Where(m => models.Contains(m.Item1)))
        {
            var rows = RandomRows(config.VocabSize, batch * (steps + 1), time);
            foreach (var precision in precisions)
            {
                var label = TrainingPrecisions.Name(precision);
                using var model = ShifaPresets.CreateModel(config, seed: 1);
                var parameters = model.parameters().Sum(p => p.numel());
                var flopsPerToken = 6.0 * parameters + 12.0 * config.NumLayers * time * config.HiddenSize;
                var options = new SftTrainingOptions
                {
                    Epochs = 1, BatchSize = batch, SequenceLength = time, MaxSteps = steps + 1, EvalEvery = 0, LearningRate = 1e-3,
                    Pack = true, Precision = precision,
                };
                var clock = new StepClock(threads);
                var metrics = SftTrainer.Train(model, rows, [], options, progress: clock);
                var ours = clock.TokensPerSecond(batch * time);
                var gflops = ours.Times(flopsPerToken / 1e9);
                Console.WriteLine($"{name} {label}: {parameters / 1e6:F1}M parameters, batch {batch}×{time}: Shifa {ours} tokens/s, " +
                                  $"{gflops} GFLOP/s, MFU {gflops.Percent(peaks[precision])} of the {label} peak; " +
                                  $"loss {metrics[0].TrainLoss:F3} -> {metrics[^1].TrainLoss:F3}");
                var peer = withPeer ? RunPeer(config, batch, time, peerSteps, threads, label) : null;
                Console.WriteLine(peer is { } p
                    ? $"{name} {label}: PyTorch peer {p.Rate} tokens/s over {peerSteps} steps after 1 warm-up (torch {p.Version}); " +
                      $"Shifa / peer = {ours.Wall / p.Rate.Wall:F2} / {ours.Cpu / p.Rate.Cpu:F2}"
                    : $"{name} {label}: PyTorch peer not run");
            }
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

    // Best of five groups of three n³ products, by wall and by CPU time separately: on a shared machine the best group is
    // the nearest to what the cores can do, which keeps the MFU figures conservative. n = 2048 makes a group long enough
    // (tens of milliseconds even in bf16) for the 10 ms resolution of process CPU time.
    private static Rate MatmulGflops(int n, ScalarType type, int threads)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n).to_type(type);
        var b = randn(n, n).to_type(type);
        a.matmul(b).Dispose();
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        for (var group = 0; group < 5; group++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < 3; i++)
            {
                a.matmul(b).Dispose();
            }

            bestWall = Math.Min(bestWall, clock.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        var gflop = 3 * 2.0 * n * n * n / 1e9;
        return new Rate(gflop / bestWall, gflop * threads / bestCpu);
    }

    private static (Rate Rate, string Version)? RunPeer(ModelConfig c, int batch, int time, int steps, int threads, string precision)
    {
        const string python = "/usr/bin/python3";
        var script = Path.Combine(AppContext.BaseDirectory, "peer_train.py");
        if (!File.Exists(python))
        {
            Console.WriteLine("peer: /usr/bin/python3 is missing (apt-get install python3-torch)");
            return null;
        }

        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new object[] { script, c.VocabSize, c.HiddenSize, c.IntermediateSize, c.NumLayers, c.NumHeads, c.NumKeyValueHeads, batch, time, steps, threads, precision })
        {
            info.ArgumentList.Add(Convert.ToString(arg, CultureInfo.InvariantCulture)!);
        }

        using var process = Process.Start(info)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        var error = errorTask.GetAwaiter().GetResult();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"peer failed (exit {process.ExitCode}): {error.Trim()}");
            return null;
        }

        var fields = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        return (new Rate(double.Parse(fields["tokens_per_second"], CultureInfo.InvariantCulture),
                double.Parse(fields["cpu_tokens_per_second"], CultureInfo.InvariantCulture)), fields.GetValueOrDefault("torch", "?"));
    }

    /// <summary>A rate by wall time and by CPU time (per CPU-second of all threads, times the thread count).</summary>
    private readonly record struct Rate(double Wall, double Cpu)
    {
        public Rate Times(double factor) => new(Wall * factor, Cpu * factor);

        public string Percent(Rate peak) => $"{100 * Wall / peak.Wall:F0}% / {100 * Cpu / peak.Cpu:F0}%";

        public override string ToString() => $"{Wall:F0} / {Cpu:F0}";
    }

    /// <summary>Wall and process CPU time at the end of each step; steps after the first are the timed ones.</summary>
    private sealed class StepClock(int threads) : IProgress<TrainingProgress>
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly List<(double Wall, double Cpu)> _marks = [];

        public void Report(TrainingProgress value) =>
            _marks.Add((_wall.Elapsed.TotalSeconds, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds));

        public Rate TokensPerSecond(double tokensPerStep)
        {
            var timed = _marks.Count - 1;
            var tokens = tokensPerStep * timed;
            return new Rate(tokens / (_marks[^1].Wall - _marks[0].Wall), tokens * threads / (_marks[^1].Cpu - _marks[0].Cpu));
        }
    }
}
