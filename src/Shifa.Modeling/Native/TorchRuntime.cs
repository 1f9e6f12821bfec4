// One place that loads TorchSharp's native library and sets process-wide torch settings.
using TorchSharp;

namespace Shifa.Modeling.Native;

/// <summary>
/// Loads libtorch once per process and applies Shifa's defaults (intra-op threads = processor count,
/// or the <c>SHIFA_TORCH_THREADS</c> environment variable). Every Shifa entry point that touches
/// tensors calls <see cref="EnsureInitialized"/> first, so a broken native install fails with a
/// message that says how to fix it instead of a bare <see cref="DllNotFoundException"/>.
/// </summary>
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
}
