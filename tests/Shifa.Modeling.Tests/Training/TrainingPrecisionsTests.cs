using Shifa.Modeling.Native;
using Shifa.Modeling.Training;
using static TorchSharp.torch;

namespace Shifa.Modeling.Tests.Training;

public sealed class TrainingPrecisionsTests
{
    private const string SapphireRapids =
        "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Platinum 8480C\n" +
        "flags\t\t: fpu sse2 avx2 avx512f avx512_bf16 amx_bf16 amx_tile amx_int8\nbugs\t\t: spectre_v1\n";

    private const string Skylake =
        "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Gold 6148\nflags\t\t: fpu sse2 avx2 avx512f avx512bw avx512_vnni\n" +
        "bugs\t\t: amx_bf16_is_not_a_flag_here\n";

    [Theory]
    [InlineData("fp32", TrainingPrecision.Fp32)]
    [InlineData("BF16", TrainingPrecision.Bf16)]
    [InlineData(" auto ", TrainingPrecision.Auto)]
    [InlineData("bfloat16", TrainingPrecision.Bf16)]
    public void Parses_the_command_line_names(string text, TrainingPrecision expected)
    {
        Assert.Equal(expected, TrainingPrecisions.Parse(text));
        Assert.Equal(expected, TrainingPrecisions.Parse(TrainingPrecisions.Name(expected)));
    }

    [Fact]
    public void An_unknown_name_lists_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingPrecisions.Parse("fp16"));

        Assert.Contains("fp32, bf16 or auto", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_flags_decide_whether_bf16_units_exist()
    {
        Assert.True(TrainingPrecisions.CpuHasBf16Units(SapphireRapids));
        Assert.True(TrainingPrecisions.CpuHasBf16Units("flags : fpu avx512_bf16\n"));
        Assert.False(TrainingPrecisions.CpuHasBf16Units(Skylake));
        Assert.False(TrainingPrecisions.CpuHasBf16Units(""));
    }

    [Fact]
    public void Explicit_choices_are_kept_and_auto_follows_this_cpu()
    {
        TorchRuntime.EnsureInitialized();
        Assert.Equal(TrainingPrecision.Fp32, TrainingPrecisions.Resolve(TrainingPrecision.Fp32, CPU));
        Assert.Equal(TrainingPrecision.Bf16, TrainingPrecisions.Resolve(TrainingPrecision.Bf16, CPU));
        var expected = File.Exists("/proc/cpuinfo")
            ? TrainingPrecisions.CpuHasBf16Units(File.ReadAllText("/proc/cpuinfo")) ? TrainingPrecision.Bf16 : TrainingPrecision.Fp32
            : TrainingPrecisions.ProbeBf16Speedup(CPU) >= TrainingPrecisions.ProbeSpeedupThreshold ? TrainingPrecision.Bf16 : TrainingPrecision.Fp32;
        Assert.Equal(expected, TrainingPrecisions.Resolve(TrainingPrecision.Auto, CPU));
        Assert.Null(TrainingPrecisions.ComputeType(TrainingPrecision.Fp32));
        Assert.Equal(ScalarType.BFloat16, TrainingPrecisions.ComputeType(TrainingPrecision.Bf16));
        Assert.Throws<ArgumentException>(() => TrainingPrecisions.ComputeType(TrainingPrecision.Auto));
    }

    [Fact]
    public void The_timed_probe_measures_a_positive_speedup()
    {
        TorchRuntime.EnsureInitialized();

        var speedup = TrainingPrecisions.ProbeBf16Speedup(CPU);

        Assert.True(speedup > 0 && double.IsFinite(speedup), $"speedup {speedup}");
    }
}
