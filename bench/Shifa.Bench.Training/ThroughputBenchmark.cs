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
        TorchRuntime.EnsureInitialized();
        var threads = TorchRuntime.ThreadCount;
        Console.WriteLine($"threads {threads}, OMP_WAIT_POLICY={Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "(unset)"}, " +
                          $"Shifa {steps} steps after 1 warm-up; auto precision here = {TrainingPrecisions.Name(TrainingPrecisions.Resolve(TrainingPrecision.Auto, CPU))}");
        var peaks = new Dictionary<TrainingPrecision, double>
        {
            [TrainingPrecision.Fp32] = MatmulGflops(1024, 10, ScalarType.Float32),
            [TrainingPrecision.Bf16] = MatmulGflops(1024, 10, ScalarType.BFloat16),
        };
        Console.WriteLine($"matmul peak (1024³): fp32 {peaks[TrainingPrecision.Fp32]:F0} GFLOP/s, bf16 {peaks[TrainingPrecision.Bf16]:F0} GFLOP/s");

        var tiny = ShifaPresets.Get("shifa-tiny").Architecture with { VocabSize = 2048 };
        var medium = ModelConfigPresets.Get("llama-25m");
        foreach (var (name, config, batch, time, peerSteps) in new[]
                 {
                     ("shifa-tiny", tiny, 8, 256, steps),
                     ("llama-25m", medium, 8, 256, Math.Min(steps, PeerSteps25M)),
                 })
        {
            var rows = RandomRows(config.VocabSize, batch * (steps + 1), time);
            foreach (var precision in new[] { TrainingPrecision.Fp32, TrainingPrecision.Bf16 })
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
                var metrics = SftTrainer.Train(model, rows, [], options);
                var ours = metrics.Skip(1).Sum(m => (double)batch * time) / metrics.Skip(1).Sum(m => batch * time / m.TokensPerSecond);
                var gflops = ours * flopsPerToken / 1e9;
                Console.WriteLine($"{name} {label}: {parameters / 1e6:F1}M parameters, batch {batch}×{time}: Shifa {ours:F0} tokens/s, " +
                                  $"{gflops:F0} GFLOP/s, MFU {100 * gflops / peaks[precision]:F0}% of the {label} peak " +
                                  $"({100 * gflops / peaks[TrainingPrecision.Fp32]:F0}% of fp32's); loss {metrics[0].TrainLoss:F3} -> {metrics[^1].TrainLoss:F3}");
                var peer = RunPeer(config, batch, time, peerSteps, threads, label);
                Console.WriteLine(peer is { } p
                    ? $"{name} {label}: PyTorch peer {p.TokensPerSecond:F0} tokens/s over {peerSteps} steps after 1 warm-up " +
                      $"(torch {p.Version}); Shifa / peer = {ours / p.TokensPerSecond:F2}"
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

    private static double MatmulGflops(int n, int repeats, ScalarType type)
    {
        using var scope = NewDisposeScope();
        var a = randn(n, n).to_type(type);
        var b = randn(n, n).to_type(type);
        a.matmul(b);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
        {
            a.matmul(b).Dispose();
        }

        return 2.0 * n * n * n * repeats / clock.Elapsed.TotalSeconds / 1e9;
    }

    private static (double TokensPerSecond, string Version)? RunPeer(ModelConfig c, int batch, int time, int steps, int threads, string precision)
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
        return (double.Parse(fields["tokens_per_second"], CultureInfo.InvariantCulture), fields.GetValueOrDefault("torch", "?"));
    }
}
