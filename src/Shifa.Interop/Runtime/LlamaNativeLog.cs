// Routes llama.cpp's native log into .NET, so that load failures come with llama.cpp's own reason.
using LLama.Native;

namespace Shifa.Interop.Runtime;

/// <summary>
/// Installs one native log callback for the process before llama.cpp is first used and keeps its recent messages.
/// Without a callback llama.cpp prints to stderr and a failed load surfaces in .NET with no reason at all.
/// </summary>
public static class LlamaNativeLog
{
    private const int Keep = 200;
    private static readonly Lock Gate = new();
    private static readonly Queue<string> Recent = new();
    private static bool _installed;

    /// <summary>Installs the callback once; later calls do nothing.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            try
            {
                NativeLibraryConfig.All.WithLogCallback(OnMessage);
            }
            catch (InvalidOperationException)
            {
                // The native library was already loaded by other code; set the callback on the live library instead.
                NativeLogConfig.llama_log_set(OnMessage);
            }
            _installed = true;
        }
    }

    /// <summary>The last warnings and errors llama.cpp reported, oldest first.</summary>
    public static IReadOnlyList<string> RecentProblems()
    {
        lock (Gate) return Recent.ToList();
    }

    /// <summary>Forgets the recorded messages (before an operation whose failure should be explained by its own messages).</summary>
    public static void Clear()
    {
        lock (Gate) Recent.Clear();
    }

    private static void OnMessage(LLamaLogLevel level, string message)
    {
        if (level is not (LLamaLogLevel.Warning or LLamaLogLevel.Error)) return;
        lock (Gate)
        {
            Recent.Enqueue(message.TrimEnd());
            while (Recent.Count > Keep) Recent.Dequeue();
        }
    }
}
