// Shifa's synthesis engine using Shifa's own server as its OpenAI-compatible provider, over real Kestrel and SQLite.
using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Prompts;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Storage;
using Shifa.Web.OpenAiApi;
using Shifa.Web.Safety;
using Shifa.Web.Tests.Hosting;

namespace Shifa.Web.Tests.OpenAiApi;

/// <summary>
/// The served backend is a remote provider (a paid API's wire format on 127.0.0.1) built by Shifa's own provider
/// pipeline, because retrieval answers are citations, not the JSON pairs a generation prompt asks for (the last test shows that).
/// </summary>
public sealed class SynthesisProviderTests(SynthesisProviderTests.Servers servers) : IClassFixture<SynthesisProviderTests.Servers>
{
    private const string KeyVariable = "SHIFA_SERVER_KEY";
    private const string Provider = "shifa-server";
    private const string ServedModel = "shifa";

    public sealed class Servers : IAsyncLifetime
    {
        public UpstreamProviderServer Upstream { get; private set; } = null!;

        public ShifaServer Shifa { get; private set; } = null!;

        /// <summary>A key created for the synthesis engine, without the disclaimer.</summary>
        public string PlainKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Upstream = await UpstreamProviderServer.StartAsync();
            var backend = ProviderRegistry.Build(
                new ProviderSettings
                {
                    Name = "upstream", Kind = ProviderKind.OpenAICompatible, Model = "upstream-model", BaseUrl = new Uri(Upstream.BaseUrl + "/v1/"),
                    ApiKeyEnv = "UPSTREAM_KEY", MaxRetries = 0, TimeoutSeconds = 30,
                },
                PriceTable.Default(), new SpendBudget(null), environment: v => v == "UPSTREAM_KEY" ? UpstreamProviderServer.Key : null);
            Shifa = await ShifaServer.StartAsync(backend: backend);
            PlainKey = new ApiKeyStore(Workspace.Open(Shifa.WorkspaceDirectory)).Create("synthesis", appendDisclaimer: false).Secret;
        }

        public async Task DisposeAsync()
        {
            await Shifa.DisposeAsync();
            await Upstream.DisposeAsync();
        }
    }

    [Fact]
    public async Task Engine_writes_parsed_pairs_with_provenance_through_a_no_disclaimer_key()
    {
        using var dir = new TempWorkspace();
        var store = dir.Seeded();
        var plan = Plan(store);
        var before = servers.Upstream.Requests.Count;

        var summary = await SynthesisRunner.RunAsync(store, Request(servers.Shifa.BaseUrl, servers.PlainKey));

        Assert.Null(summary.StopReason);
        Assert.Equal((plan.Items.Count, 0, plan.Items.Count * 2), (summary.Done, summary.Failed, summary.Records));
        var generated = new RecordStore(store.Workspace).Read("kind = $k", new Dictionary<string, object?> { ["$k"] = (int)RecordKind.LlmSynthetic });
        Assert.Equal(plan.Items.Count * 2, generated.Count);
        var seedIds = store.ReadSeed().Keys.ToHashSet();
        foreach (var item in plan.Items)
        {
            var mine = generated.Where(r => r.Provenance.WorkItemId == item.Id).OrderBy(r => r.Question, StringComparer.Ordinal).ToList();
            // The item's parameters travelled engine → Shifa → provider and its pairs came back parsed, field by field.
            Assert.Equal([UpstreamProviderServer.Question(item.Specialty!, 0), UpstreamProviderServer.Question(item.Specialty!, 1)], mine.Select(r => r.Question));
            Assert.All(mine, r =>
            {
                Assert.StartsWith($"أعراضك في مجال {item.Specialty}", r.Answer, StringComparison.Ordinal);
                Assert.DoesNotContain(SafetyMessages.Disclaimer, r.Answer, StringComparison.Ordinal);
                Assert.Equal((Provider, ServedModel, PromptLibrary.Current.Version), (r.Provenance.Provider, r.Provenance.Model, r.Provenance.PromptVersion));
                Assert.Equal(RecordKind.LlmSynthetic, r.Provenance.Kind);
                Assert.Equal(item.ExemplarIds, r.Provenance.ExemplarIds);
                Assert.Subset(seedIds, r.Provenance.ExemplarIds.ToHashSet());
                Assert.Equal(item.SpecialtyKey, r.SpecialtyKey);
            });
        }

        // Upstream saw the operator's key and model, the engine's system prompt and JSON schema; never the Shifa key.
        var upstream = servers.Upstream.Requests.Skip(before).ToList();
        Assert.Equal(plan.Items.Count, upstream.Count);
        Assert.All(upstream, u =>
        {
            Assert.Equal("Bearer " + UpstreamProviderServer.Key, u.Authorization);
            Assert.Equal("upstream-model", (string?)u.Body["model"]);
            Assert.Equal(PromptLibrary.Current.System, (string?)u.Body["messages"]![0]!["content"]);
            Assert.Equal("json_schema", (string?)u.Body["response_format"]!["type"]);
            Assert.Equal("shifa_qa_pairs", (string?)u.Body["response_format"]!["json_schema"]!["name"]);
        });
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM synth_responses WHERE outcome <> 'ok'"));
    }

    [Fact]
    public async Task A_default_key_gets_the_disclaimer_appended_so_the_engine_stores_no_records()
    {
        using var dir = new TempWorkspace();
        var store = dir.Seeded();
        var plan = Plan(store);

        var summary = await SynthesisRunner.RunAsync(store, Request(servers.Shifa.BaseUrl, servers.Shifa.ApiKey));

        Assert.Equal((0, plan.Items.Count, 0), (summary.Done, summary.Failed, summary.Records));
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM records WHERE kind <> 0"));
        var raw = Strings(store, "SELECT raw FROM synth_responses WHERE outcome = 'invalid'");
        Assert.Equal(plan.Items.Count, raw.Count);
        // Valid pairs JSON followed by the disclaimer: exactly the pollution a no-disclaimer key avoids.
        Assert.All(raw, r =>
        {
            Assert.EndsWith("\n\n" + SafetyMessages.Disclaimer, r, StringComparison.Ordinal);
            Assert.StartsWith("{\"pairs\":[", r, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_wrong_key_stops_the_engine_with_401_before_anything_is_written()
    {
        using var dir = new TempWorkspace();
        var store = dir.Seeded();
        var plan = Plan(store);
        var before = servers.Upstream.Requests.Count;

        var summary = await SynthesisRunner.RunAsync(store, Request(servers.Shifa.BaseUrl, "sk-shifa-" + new string('0', 64)));

        Assert.NotNull(summary.StopReason);
        Assert.Contains("http_401", summary.StopReason, StringComparison.Ordinal);
        Assert.Contains("Check the key", summary.StopReason, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (summary.Done, summary.Failed, summary.Records));
        Assert.Equal(plan.Items.Count, store.CountItems(Provider)[ItemStatus.Pending]);
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM records WHERE kind <> 0"));
        Assert.Equal(before, servers.Upstream.Requests.Count);
    }

    [Fact]
    public async Task A_no_disclaimer_key_still_gets_the_urgent_care_notice_instead_of_the_backend()
    {
        var before = servers.Upstream.Requests.Count;
        IChatClient chat = new OpenAI.Chat.ChatClient(ServedModel, new ApiKeyCredential(servers.PlainKey),
            new OpenAIClientOptions { Endpoint = new Uri(servers.Shifa.BaseUrl + "/v1") }).AsIChatClient();

        var answer = await chat.GetResponseAsync("أبي عنده ألم في الصدر مع تعرق بارد الآن");

        Assert.StartsWith(SafetyMessages.UrgentHeading, answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, servers.Upstream.Requests.Count);
    }

    [Fact]
    public async Task Retrieval_answers_are_citations_that_the_engine_records_as_unusable()
    {
        await using var retrieval = await ShifaServer.StartAsync();
        var key = new ApiKeyStore(Workspace.Open(retrieval.WorkspaceDirectory)).Create("synthesis", appendDisclaimer: false).Secret;
        using var dir = new TempWorkspace();
        var store = dir.Seeded();
        var plan = Plan(store);

        var summary = await SynthesisRunner.RunAsync(store, Request(retrieval.BaseUrl, key));

        Assert.Equal((0, plan.Items.Count, 0), (summary.Done, summary.Failed, summary.Records));
        Assert.Equal(0, Scalar(store, "SELECT COUNT(*) FROM records WHERE kind <> 0"));
        // The wire worked (a 200 with text kept verbatim); the text is retrieval's answer, not generator JSON.
        var raw = Strings(store, $"SELECT raw FROM synth_responses WHERE error_kind = '{ErrorKinds.MalformedJson}'");
        Assert.Equal(plan.Items.Count, raw.Count);
        Assert.All(raw, r => Assert.DoesNotContain(SafetyMessages.Disclaimer, r, StringComparison.Ordinal));
        Assert.All(raw, r => Assert.True(r.StartsWith("لم أجد", StringComparison.Ordinal) || r.Contains("المصدر: سجل rec-", StringComparison.Ordinal), r));
    }

    private static GenerationPlan Plan(SynthesisStore store) =>
        SynthesisRunner.Plan(store, new PlanOptions { Provider = Provider, TargetRecords = 6, PairsPerItem = 2, ExemplarsPerItem = 2, PromptVersion = PromptLibrary.Current.Version }).Plan;

    private static RunRequest Request(string shifaBaseUrl, string key) => new()
    {
        Provider = new ProviderSettings
        {
            Name = Provider, Kind = ProviderKind.OpenAICompatible, Model = ServedModel, BaseUrl = new Uri(shifaBaseUrl + "/v1/"),
            ApiKeyEnv = KeyVariable, MaxRetries = 1, RetryBaseDelaySeconds = 0.01, TimeoutSeconds = 30, MaxParseAttempts = 1, MaxConcurrency = 2,
        },
        Environment = v => v == KeyVariable ? key : null,
    };

    private static long Scalar(SynthesisStore store, string sql)
    {
        using var c = store.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(SynthesisStore store, string sql)
    {
        using var c = store.Workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var rd = cmd.ExecuteReader();
        var list = new List<string>();
        while (rd.Read())
        {
            list.Add(rd.GetString(0));
        }

        return list;
    }

    /// <summary>A synthesis workspace seeded with a few real records in two specialties, none of them an emergency.</summary>
    private sealed class TempWorkspace : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), "shifa-synth-" + Guid.NewGuid().ToString("N"));

        public SynthesisStore Seeded()
        {
            var ws = Workspace.Open(_path, SynthesisSchema.Instance);
            (string Specialty, string Question, string Answer)[] seed =
            [
                ("جلدية", "عندي حبوب في الوجه من شهرين، شو الحل؟", "ننصح بغسل الوجه مرتين يومياً بغسول لطيف ومراجعة طبيب الجلدية إذا استمرت الحبوب."),
                ("جلدية", "هل الكريمات المرطبة تفيد مع جفاف الجلد في الشتاء؟", "نعم، المرطبات تحمي الجلد من الجفاف، ويُفضّل استخدامها بعد الاستحمام مباشرة."),
                ("جلدية", "ظهرت بقع بيضاء صغيرة على يدي، ما سببها؟", "قد تكون بسبب فطريات سطحية أو نقص صبغة، والفحص عند طبيب الجلدية يحدد السبب."),
                ("أطفال", "ابني عمره سنتين ولا يحب الأكل، هل هذا طبيعي؟", "فقدان الشهية شائع في هذا العمر، قدّم وجبات صغيرة متنوعة وراجع طبيب الأطفال لمتابعة الوزن."),
                ("أطفال", "متى يبدأ الطفل بالمشي عادة؟", "يبدأ أغلب الأطفال المشي بين تسعة أشهر وثمانية عشر شهراً، ولكل طفل وتيرته."),
            ];
            new RecordStore(ws).Insert(seed.Select((s, i) => new QaRecord
            {
                Id = $"seed-{i}",
                Question = s.Question,
                Answer = s.Answer,
                Specialty = s.Specialty,
                SpecialtyKey = s.Specialty == "جلدية" ? "dermatology" : "pediatrics",
                Split = RecordSplit.Train,
                Provenance = Provenance.RealData("web-tests", DateTimeOffset.UnixEpoch, "MIT"),
            }));
            return new SynthesisStore(ws);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_path, true);
            }
            catch (IOException)
            {
                // A late WAL handle on a temp folder is harmless.
            }
        }
    }
}
