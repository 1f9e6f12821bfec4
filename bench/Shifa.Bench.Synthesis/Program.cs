// Synthesis throughput bench: the engine against a local chat-completions server with 1–3 s latency
// and a requests-per-minute limit. The server runs in a child process so the engine's CPU is measured alone.
//   dotnet run -c Release --project bench/Shifa.Bench.Synthesis -- [--requests 600] [--rpm 600] [--concurrency 48]
using Shifa.Bench.Synthesis;

if (args.Length > 0 && args[0] == "serve")
{
    return await LimitedChatServer.ServeAsync(args);
}

return await ThroughputBench.RunAsync(args);
