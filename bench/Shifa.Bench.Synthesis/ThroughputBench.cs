// Runs the synthesis engine against LimitedChatServer and reports achieved rate / limit and engine CPU per request.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Storage;

namespace Shifa.Bench.Synthesis;

public static class ThroughputBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Arg(args, "--requests", 600);
        var rpm = Arg(args, "--rpm", 600);
        var concurrency = Arg(args, "--concurrency", 48);

        using var server = StartServer(rpm);
        var line = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("server did not start");
        var baseUrl = line["listening ".Length..];

        var dir = Directory.CreateTempSubdirectory("shifa-bench-synth-").FullName;
        try
        {
            var store = new SynthesisStore(Workspace.Open(dir, SynthesisSchema.Instance));
            new RecordStore(store.Workspace).Insert(Seed());
            SynthesisRunner.Plan(store, new PlanOptions { Provider = "bench", TargetRecords = requests * 2, PairsPerItem = 2, PromptVersion = "synth-ar-v1" });
            var provider = new ProviderSettings
            {
                Name = "bench", Kind = ProviderKind.OpenAICompatible, Model = "gpt-4o", BaseUrl = new Uri(baseUrl + "/v1/"),
                RequestsPerMinute = rpm, MaxConcurrency = concurrency, TimeoutSeconds = 30, MaxRetries = 6, RetryBaseDelaySeconds = 0.2,
            };

            var proc = Process.GetCurrentProcess();
            var cpu0 = proc.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var summary = await SynthesisRunner.RunAsync(store, new RunRequest { Provider = provider });
            sw.Stop();
            proc.Refresh();
            var cpu = proc.TotalProcessorTime - cpu0;

            using var http = new HttpClient();
            var stats = JsonDocument.Parse(await http.GetStringAsync(baseUrl + "/stats")).RootElement;
            var accepted = stats.GetProperty("accepted").GetInt32();
            var span = stats.GetProperty("last").GetDouble() - stats.GetProperty("first").GetDouble();
            var rate = span > 0 ? (accepted - 1) / span * 60 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"items done {summary.Done}, failed {summary.Failed}; server accepted {accepted}, rejected (429) {stats.GetProperty("rejected").GetInt32()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"achieved request rate {rate:0.0}/min over {span:0.0} s against a limit of {rpm}/min: ratio {rate / rpm:0.000} (target >= 0.95)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"end to end (first request to last commit, 1-3 s tail included): {accepted / sw.Elapsed.TotalMinutes:0.0}/min, ratio {accepted / sw.Elapsed.TotalMinutes / rpm:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall {sw.Elapsed.TotalSeconds:0.0} s; engine CPU {cpu.TotalMilliseconds:0} ms = {cpu.TotalMilliseconds / Math.Max(1, accepted):0.00} ms per request (includes prompt rendering, HTTP, parsing, SQLite commits)"));
            return summary.Failed == 0 ? 0 : 1;
        }
        finally
        {
            server.StandardInput.Close();
            await server.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Process StartServer(int rpm)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        var self = typeof(ThroughputBench).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            psi.ArgumentList.Add(self);
        }

        foreach (var a in new[] { "serve", "--rpm", rpm.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the server process");
    }

    private static List<QaRecord> Seed()
    {
        string[] specialties = ["obgyn", "pediatrics", "dermatology", "internal", "dentistry"];
        return Enumerable.Range(0, 200).Select(i =>
        {
            var q = $"عندي ألم وحرارة منذ {i % 9 + 1} أيام، هل أحتاج إلى مضاد حيوي؟ ({i})";
            var a = "يفضل مراجعة الطبيب للفحص، واشرب السوائل، وإذا ارتفعت الحرارة فوق ٣٩ فتوجه إلى الطوارئ.";
            return new QaRecord
            {
                Id = ContentHash.Short(32, "bench", q), Question = q, Answer = a, SpecialtyKey = specialties[i % 5], Specialty = specialties[i % 5],
                Gender = i % 2 == 0 ? "female" : "male", AgeYears = 20 + i % 50, Split = RecordSplit.Train,
                Provenance = Provenance.RealData("bench", DateTimeOffset.UnixEpoch),
            };
        }).ToList();
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
