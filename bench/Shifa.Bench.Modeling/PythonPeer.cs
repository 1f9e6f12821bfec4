using System.Diagnostics;
using System.Text.Json;
using Shifa.Modeling.Architectures;

namespace Shifa.Bench.Modeling;

/// <summary>Runs Peer/train_peer.py under Debian's python3-torch (/usr/bin/python3) for the same model and steps.</summary>
internal static class PythonPeer
{
    public static (double TokensPerSecond, string Version)? TokensPerSecond(ModelConfig config, int batch, int time, int steps, int threads)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Peer", "train_peer.py");
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            Console.WriteLine("  PyTorch peer skipped: /usr/bin/python3 not found (apt-get install python3-torch).");
            return null;
        }
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (object a in new object[] { script, config.VocabSize, config.HiddenSize, config.IntermediateSize, config.NumLayers,
                     config.NumHeads, config.NumKeyValueHeads, batch, time, steps, threads })
        {
            start.ArgumentList.Add(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)!);
        }
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"  PyTorch peer failed (exit {process.ExitCode}): {error.Trim().Split('\n').LastOrDefault()}");
            return null;
        }
        using var json = JsonDocument.Parse(output.Trim().Split('\n').Last());
        return (json.RootElement.GetProperty("tokens_per_second").GetDouble(), json.RootElement.GetProperty("torch").GetString()!);
    }
}
