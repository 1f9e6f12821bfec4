// Parsing --precision and deciding what `auto` means on this machine.
using System.Collections.Concurrent;
using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Training;

/// <summary>Turns a <see cref="TrainingPrecision"/> into the compute type a run uses on a device.</summary>
public static class TrainingPrecisions
{
    /// <summary>bfloat16 must multiply at least this many times faster than float32 in the probe for <c>auto</c> to pick it.</summary>
    public const double ProbeSpeedupThreshold = 1.3;

    private static readonly ConcurrentDictionary<DeviceType, double> ProbedSpeedups = new();

    /// <summary>Reads <c>fp32</c>, <c>bf16</c> or <c>auto</c> (any case).</summary>
    /// <exception cref="ArgumentException">Anything else; the message lists the choices.</exception>
    public static TrainingPrecision Parse(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "fp32" or "float32" => TrainingPrecision.Fp32,
        "bf16" or "bfloat16" => TrainingPrecision.Bf16,
        "auto" => TrainingPrecision.Auto,
        _ => throw new ArgumentException($"Unknown precision '{text}'; use fp32, bf16 or auto.", nameof(text)),
    };

    /// <summary>The name <see cref="Parse"/> reads back (<c>fp32</c>, <c>bf16</c>, <c>auto</c>).</summary>
    public static string Name(TrainingPrecision precision) => precision switch
    {
        TrainingPrecision.Fp32 => "fp32",
        TrainingPrecision.Bf16 => "bf16",
        _ => "auto",
    };

    /// <summary>
    /// <see cref="TrainingPrecision.Fp32"/> or <see cref="TrainingPrecision.Bf16"/> for <paramref name="device"/>.
    /// <c>auto</c> picks bf16 on a CPU whose <c>/proc/cpuinfo</c> flags include <c>amx_bf16</c> or <c>avx512_bf16</c>
    /// (the units oneDNN multiplies bfloat16 with; without them bfloat16 is emulated and slower than float32), and on
    /// a CPU without <c>/proc/cpuinfo</c> or a CUDA device when a one-off timed 512³ matmul runs at least
    /// <see cref="ProbeSpeedupThreshold"/> times faster in bfloat16 than in float32 (true on Ampere and later GPUs,
    /// which have bfloat16 tensor cores, false on older ones). Everything else gets fp32.
    /// </summary>
    public static TrainingPrecision Resolve(TrainingPrecision precision, Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (precision != TrainingPrecision.Auto) return precision;
        if (device.type == DeviceType.CPU && ReadCpuInfo() is { } cpuInfo)
        {
            return CpuHasBf16Units(cpuInfo) ? TrainingPrecision.Bf16 : TrainingPrecision.Fp32;
        }

        return ProbeBf16Speedup(device) >= ProbeSpeedupThreshold ? TrainingPrecision.Bf16 : TrainingPrecision.Fp32;
    }

    /// <summary>The compute type for <see cref="Architectures.Autocast.Enter"/>: bfloat16 for bf16, null (as stored) for fp32.</summary>
    public static ScalarType? ComputeType(TrainingPrecision resolved) => resolved switch
    {
        TrainingPrecision.Bf16 => ScalarType.BFloat16,
        TrainingPrecision.Fp32 => null,
        _ => throw new ArgumentException("Resolve the precision for a device first.", nameof(resolved)),
    };

    /// <summary>Whether a <c>/proc/cpuinfo</c> text lists bfloat16 matrix or vector units (<c>amx_bf16</c>, <c>avx512_bf16</c>) on its flags lines.</summary>
    public static bool CpuHasBf16Units(string cpuInfo)
    {
        ArgumentNullException.ThrowIfNull(cpuInfo);
        return cpuInfo.Split('\n')
            .Where(line => line.StartsWith("flags", StringComparison.Ordinal))
            .SelectMany(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(flag => flag is "amx_bf16" or "avx512_bf16");
    }

    /// <summary>float32 time over bfloat16 time of a 512³ matmul on <paramref name="device"/> (best of five each); measured once per device type.</summary>
    public static double ProbeBf16Speedup(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return ProbedSpeedups.GetOrAdd(device.type, _ =>
        {
            using var scope = NewDisposeScope();
            var a = randn(512, 512, device: device);
            var b = randn(512, 512, device: device);
            var fp32 = BestSeconds(a, b, device);
            var bf16 = BestSeconds(a.to_type(ScalarType.BFloat16), b.to_type(ScalarType.BFloat16), device);
            return fp32 / Math.Max(bf16, 1e-9);
        });
    }

    private static double BestSeconds(Tensor a, Tensor b, Device device)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 6; i++)
        {
            var clock = Stopwatch.StartNew();
            a.matmul(b).Dispose();
            if (device.type == DeviceType.CUDA) cuda.synchronize();
            if (i > 0) best = Math.Min(best, clock.Elapsed.TotalSeconds);   // the first call pays for kernel selection
        }

        return best;
    }

    private static string? ReadCpuInfo()
    {
        const string path = "/proc/cpuinfo";
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
