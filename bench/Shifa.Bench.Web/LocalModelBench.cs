// Time to first streamed token of the local tiny model served through Shifa's host, as `shifa serve --model DIR` serves it:
// shifa-tiny trained for a few steps on the bundled sample (or any model folder), streamed /v1/chat/completions, one client.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shifa.Core.Ingest;
using Shifa.Core.Storage;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Presets;
using Shifa.Modeling.Training;
using Shifa.Web.Hosting;
using Shifa.Web.OpenAiApi;
using Shifa.Web.Safety;

namespace Shifa.Bench.Web;

/// <summary>The <c>--local-model</c> mode of the web bench.</summary>
internal static class LocalModelBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Int(args, "--requests", 20);
        var maxTokens = Int(args, "--max-tokens", 64);
        var steps = Int(args, "--train-steps", 150);
        var temperature = Text(args, "--temperature") ?? "0.7";
        var modelDir = Text(args, "--model");
        var sample = Text(args, "--sample") ?? FindUp(Path.Combine("samples", "aramed-sample.csv"))
            ?? throw new FileNotFoundException("samples/aramed-sample.csv not found above the bench; pass --sample PATH.");
        var dir = Path.Combine(Path.GetTempPath(), "shifa-bench-web-local-" + Guid.NewGuid().ToString("N"));
        var ws = Workspace.Open(dir);
        new RecordIngestor(ws).Ingest(sample);
        var records = new RecordStore(ws).Read();

        if (modelDir is null)
        {
            modelDir = Path.Combine(dir, "models", "shifa-tiny");
            var sw = Stopwatch.StartNew();
            var preset = ShifaPresets.Get("shifa-tiny");
            var trained = SftJob.Run(new SftJobRequest
            {
                Base = preset.Name,
                OutputDirectory = modelDir,
                TrainRecords = records,
                Options = preset.Training with { MaxSteps = steps, EvalEvery = steps },
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained {preset.Name} for {trained.Summary.Steps} steps on {records.Count} sample records in {sw.Elapsed.TotalSeconds:F0}s (train loss {trained.Summary.FinalTrainLoss:F2})"));
        }

        // Loaded exactly as `shifa serve --model DIR` loads it.
        var timing = new BackendTiming(LocalChatClient.Load(modelDir));
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelDir)));
        await using var app = ShifaWebHost.Create(new ShifaWebOptions { WorkspaceDirectory = dir, Urls = "http://127.0.0.1:0", ApiRequestsPerMinute = 10_000, ModelName = name }, timing,
            b => b.Logging.SetMinimumLevel(LogLevel.Error));
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        // A key without the disclaimer, so the streamed text is the model's; the safety screen and dose filter still run.
        var (_, key) = new ApiKeyStore(ws).Create("bench", appendDisclaimer: false);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var questions = records.Select(r => r.Question).Where(q => q.Length is >= 20 and <= 160).OrderBy(q => q, StringComparer.Ordinal).ToList();
        const int Warmup = 2;
        var served = new List<(double FirstChunk, double Total, double ModelFirst, double ModelTotal, long Tokens)>();
        var urgent = 0;
        string? firstChunkSample = null;
        for (var i = 0; i < requests + Warmup; i++)
        {
            var q = questions[i * 7 % questions.Count];
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["model"] = name,
                ["stream"] = true,
                ["max_tokens"] = maxTokens,
                ["temperature"] = float.Parse(temperature, CultureInfo.InvariantCulture),
                ["messages"] = new[] { new Dictionary<string, string> { ["role"] = "user", ["content"] = q } },
            });
            var t0 = Stopwatch.GetTimestamp();
            using var req = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var res = await http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
            res.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await res.Content.ReadAsStreamAsync());
            var first = double.NaN;
            var text = new StringBuilder();
            string? line;
            while ((line = await reader.ReadLineAsync()) is not null)
            {
                if (!line.StartsWith("data: {", StringComparison.Ordinal))
                {
                    continue;
                }

                using var chunk = JsonDocument.Parse(line.AsMemory(6));
                var choices = chunk.RootElement.GetProperty("choices");
                if (choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c) && c.GetString() is { Length: > 0 } piece)
                {
                    // The first chunk with visible text: a whitespace-only chunk shows the reader nothing.
                    if (double.IsNaN(first) && !string.IsNullOrWhiteSpace(piece))
                    {
                        first = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                        firstChunkSample ??= i >= Warmup ? piece : null;
                    }

                    text.Append(piece);
                }
            }

            var total = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (i < Warmup)
            {
                continue;
            }

            // An emergency is answered by the safety layer without the model: not a model timing.
            if (text.ToString().StartsWith(SafetyMessages.UrgentHeading, StringComparison.Ordinal))
            {
                urgent++;
            }
            else
            {
                served.Add((first, total, timing.FirstTokenMs, timing.TotalMs, timing.OutputTokens));
            }
        }

        await app.StopAsync();
        timing.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, true);

        Console.WriteLine($"Local model '{name}' behind Shifa's host, streamed /v1/chat/completions, 1 client, {requests} requests (max_tokens {maxTokens}, temperature {temperature}; {urgent} of them answered by the urgent-care notice and left out), {Environment.ProcessorCount} CPUs");
        Console.WriteLine("| measure | p50 ms | p95 ms |");
        Console.WriteLine("|---|---:|---:|");
        Row("time to first streamed text (client)", served.Select(s => s.FirstChunk));
        Row("total time (client)", served.Select(s => s.Total));
        Row("model's first token (behind the safety layer)", served.Select(s => s.ModelFirst));
        Row("model's generation time", served.Select(s => s.ModelTotal));
        Console.WriteLine($"first streamed text of the first measured answer: «{firstChunkSample?.ReplaceLineEndings(" ")}»");
        var tokens = served.Sum(s => s.Tokens);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokens: {tokens} in all, {tokens / (double)Math.Max(1, served.Count):F1} per answer; decoding {tokens / (served.Sum(s => s.ModelTotal) / 1000):F1} tokens/s (model), {tokens / (served.Sum(s => s.Total) / 1000):F1} tokens/s (client, end to end)"));
        return 0;
    }

    // NaN marks an answer with no visible text (all whitespace): it has no first-text time and is counted apart.
    private static void Row(string label, IEnumerable<double> values)
    {
        var all = values.ToList();
        var sorted = all.Where(v => !double.IsNaN(v)).Order().ToList();
        double P(double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        var missing = all.Count - sorted.Count;
        var note = missing > 0 ? $" ({missing} answers without visible text left out)" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label}{note} | {P(0.50):F1} | {P(0.95):F1} |"));
    }

    private static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : null;
    }

    private static string? FindUp(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, relative);
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }
}
