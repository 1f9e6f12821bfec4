// One place that loads TorchSharp's native library and sets process-wide torch settings.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Shifa.Modeling.Native;

/// <summary>
/// Loads libtorch once per process and applies Shifa's defaults (intra-op threads = processor count,
/// or the <c>SHIFA_TORCH_THREADS</c> environment variable). Every Shifa entry point that touches
/// tensors calls <see cref="EnsureInitialized"/> first, so a broken native install fails with a
/// message that says how to fix it instead of a bare <see cref="DllNotFoundException"/>.
/// </summary>
/// <remarks>
/// Unless <c>OMP_WAIT_POLICY</c> is set, it is set to <c>PASSIVE</c> before libtorch loads: OpenMP threads that spin
/// while waiting for work collapse when the cores are shared with other processes (measured here: a 4M-parameter
/// decode step took 730 ms spinning and 3 ms passive on 2 shared cores). Set <c>OMP_WAIT_POLICY=ACTIVE</c> on a
/// dedicated machine to get spinning back.
/// </remarks>
public static class TorchRuntime
{
    private static readonly Lazy<int> Threads = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The number of intra-op threads torch was set to use.</summary>
    public static int ThreadCount => Threads.Value;

    /// <summary>Loads libtorch and applies the thread setting; cheap after the first call.</summary>
    /// <exception cref="InvalidOperationException">The native libraries could not be loaded.</exception>
    public static void EnsureInitialized() => _ = Threads.Value;

    private static int Initialize()
    {
        PreferPassiveOpenMpWaiting();
        int threads = Environment.ProcessorCount;
        string? requested = Environment.GetEnvironmentVariable("SHIFA_TORCH_THREADS");
        if (!string.IsNullOrWhiteSpace(requested))
        {
            if (!int.TryParse(requested, out threads) || threads < 1)
            {
                throw new InvalidOperationException(
                    $"SHIFA_TORCH_THREADS must be a positive integer, got '{requested}'.");
            }
        }

        try
        {
            torch.set_num_threads(threads);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            throw new InvalidOperationException(
                "TorchSharp's native libraries failed to load. On Linux the build patches libLibTorchSharp.so " +
                "for older libstdc++ (build/TorchSharpNativeFix.targets); rebuild the project after " +
                "'sudo apt-get install -y patchelf g++', and run from the build output folder. Cause: " + ex.Message, ex);
        }

        return threads;
    }

    // Runs when Shifa.Modeling is loaded, which is before code that uses its types can call TorchSharp directly
    // (for example torch.manual_seed before creating a model).
#pragma warning disable CA2255 // Deliberate: libgomp reads OMP_WAIT_POLICY once, when libtorch loads.
    [ModuleInitializer]
    internal static void SetOpenMpDefaults() => PreferPassiveOpenMpWaiting();
#pragma warning restore CA2255

    // libgomp reads its environment when it is loaded, so this must run before the first tensor operation. .NET's
    // Environment.SetEnvironmentVariable does not reach native code on Unix, hence libc's setenv.
    private static void PreferPassiveOpenMpWaiting()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is not null) return;
        if (SetEnvironment("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0) == 0)
        {
            Environment.SetEnvironmentVariable("OMP_WAIT_POLICY", "PASSIVE");
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(string name, string value, int overwrite);
}
