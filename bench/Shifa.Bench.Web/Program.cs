// Chat API load test in retrieval mode: throughput and p50/p95 latency at 1, 8 and 32 concurrent
// clients (non-streaming), plus time to first streamed chunk, against a real Kestrel on 127.0.0.1.
// Usage: dotnet run -c Release --project bench/Shifa.Bench.Web [-- --seconds 5 --records 400]
// With --local-model: time to first streamed token of the local tiny model instead (see LocalModelBench).
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Web.Hosting;
using Shifa.Web.OpenAiApi;

if (args.Contains("--local-model"))
{
    return await Shifa.Bench.Web.LocalModelBench.RunAsync(args);
}

var seconds = Arg("--seconds", 5);
var recordCount = Arg("--records", 400);
var maxRequests = Arg("--max-requests", 5000);
var dir = Path.Combine(Path.GetTempPath(), "shifa-bench-web-" + Guid.NewGuid().ToString("N"));
var ws = Workspace.Open(dir);
string[] topics = ["الصداع", "السكري", "ضغط الدم", "حب الشباب", "تساقط الشعر", "الأرق", "الحموضة", "الربو", "فقر الدم", "آلام الظهر"];
string[] forms = ["ما علاج {0} عند الكبار؟", "هل {0} خطير على الأطفال؟", "ما أسباب {0} المتكرر؟", "كيف أتعامل مع {0} في الحمل؟", "ما الأكل المناسب لمن عنده {0}؟"];
var records = Enumerable.Range(0, recordCount).Select(i => new QaRecord
{
    Id = $"bench-{i:D4}",
    Question = string.Format(CultureInfo.InvariantCulture, forms[i % forms.Length], topics[i / forms.Length % topics.Length]) + $" (حالة {i})",
    Answer = "ننصح بمراجعة الطبيب المختص، واتباع نظام غذائي متوازن، والنوم الكافي، وشرب الماء بانتظام. " + new string('،', i % 7),
    Provenance = new Provenance("bench", RecordKind.LlmSynthetic, "bench", "m", "v1", [], DateTimeOffset.UnixEpoch, null, $"w{i}"),
}).ToList();
new RecordStore(ws).Insert(records);
var (_, key) = new ApiKeyStore(ws).Create("bench");
await using var app = ShifaWebHost.Create(new ShifaWebOptions { WorkspaceDirectory = dir, Urls = "http://127.0.0.1:0", ApiRequestsPerMinute = 10_000_000 }, null,
    b => b.Logging.SetMinimumLevel(LogLevel.Error));
await app.StartAsync();
var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(baseUrl) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

Console.WriteLine($"Shifa chat API, retrieval backend over {recordCount} records, {Environment.ProcessorCount} CPUs, {seconds}s per level (max {maxRequests} requests)");
await RunLevel(1, stream: false, warmup: true);
Console.WriteLine("| clients | mode | requests | req/s | p50 ms | p95 ms |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|");
foreach (var c in new[] { 1, 8, 32 })
{
    await RunLevel(c, stream: false, warmup: false);
}

foreach (var c in new[] { 1, 8 })
{
    await RunLevel(c, stream: true, warmup: false);
}

await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(dir, true);
return 0;

async Task RunLevel(int clients, bool stream, bool warmup)
{
    var latencies = new List<double>();
    var gate = new object();
    var sw = Stopwatch.StartNew();
    var deadline = TimeSpan.FromSeconds(warmup ? 1 : seconds);
    var issued = 0;
    var tasks = Enumerable.Range(0, clients).Select(async w =>
    {
        var rnd = new Random(w);
        while (sw.Elapsed < deadline && Interlocked.Increment(ref issued) <= maxRequests)
        {
            var q = records[rnd.Next(records.Count)].Question;
            var body = $"{{\"model\":\"shifa\",\"stream\":{(stream ? "true" : "false")},\"messages\":[{{\"role\":\"user\",\"content\":\"{q}\"}}]}}";
            var t0 = Stopwatch.GetTimestamp();
            using var req = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var res = await http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
            res.EnsureSuccessStatusCode();
            double ms;
            if (stream)
            {
                // Time to the first content chunk (the role chunk comes first and carries no text).
                using var reader = new StreamReader(await res.Content.ReadAsStreamAsync());
                string? line;
                ms = double.NaN;
                while ((line = await reader.ReadLineAsync()) is not null)
                {
                    if (double.IsNaN(ms) && line.Contains("\"content\":\"", StringComparison.Ordinal) && !line.Contains("\"content\":\"\"", StringComparison.Ordinal))
                    {
                        ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    }
                }
            }
            else
            {
                await res.Content.ReadAsStringAsync();
                ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }

            lock (gate)
            {
                latencies.Add(ms);
            }
        }
    }).ToArray();
    await Task.WhenAll(tasks);
    var elapsed = sw.Elapsed.TotalSeconds;
    if (warmup)
    {
        return;
    }

    latencies.Sort();
    double P(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {clients} | {(stream ? "stream, first chunk" : "non-stream")} | {latencies.Count} | {latencies.Count / elapsed:F0} | {P(0.50):F1} | {P(0.95):F1} |"));
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
