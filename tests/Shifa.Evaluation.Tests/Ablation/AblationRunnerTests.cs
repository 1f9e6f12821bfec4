using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Evaluation.Ablation;

namespace Shifa.Evaluation.Tests.Ablation;

public sealed class AblationRunnerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-ablate-" + Guid.NewGuid().ToString("N"));

    private static readonly (string Q, string A)[] Pairs =
    [
        ("عندي صداع شديد منذ ثلاثة أيام، ماذا أفعل؟", "خذ مسكنا واشرب الماء وراجع الطبيب إذا استمر الصداع."),
        ("ابني حرارته مرتفعة ٣٩ درجة 🤒", "أعطه خافض حرارة وراجع طبيب الأطفال."),
        ("هل السكري يسبب العطش؟", "نعم، العطش الشديد من أعراض ارتفاع السكر في الدم."),
        ("أعاني من حرقة في المعدة بعد الأكل", "تجنب الأكل الدسم وخذ مضاد حموضة وراجع الطبيب."),
        ("ما علاج الزكام عند الأطفال؟", "الراحة والسوائل وخافض الحرارة عند الحاجة."),
        ("هل يمكن أخذ الباراسيتامول مع المضاد الحيوي؟", "نعم غالبا لا يوجد تداخل، لكن اسأل الصيدلي."),
        ("عندي ألم في الظهر من الجلوس الطويل", "مارس تمارين الإطالة وحسّن جلستك وراجع طبيب العظام."),
        ("ضغطي ١٥٠ على ٩٥ هل هذا خطير؟", "هذا ارتفاع في الضغط، راجع الطبيب لقياسه مرة أخرى."),
        ("شو علاج الحساسية من الغبار؟", "مضاد الهيستامين وتجنب الغبار، وراجع طبيب الحساسية."),
        ("هل الرياضة مفيدة لمريض السكري؟", "نعم، الرياضة المنتظمة تساعد على ضبط السكر."),
        ("عندي دوخة عند الوقوف فجأة", "قد يكون انخفاض ضغط، اشرب الماء وقم ببطء وراجع الطبيب."),
        ("كم ساعة يحتاج الطفل للنوم؟", "يحتاج الطفل بين عشر واثنتي عشرة ساعة حسب عمره."),
    ];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private Workspace Seed()
    {
        var ws = Workspace.Open(_dir);
        var now = DateTimeOffset.UnixEpoch;
        var records = Pairs.Select((p, i) => new QaRecord
        {
            Id = $"r{i:00}", Question = p.Q, Answer = p.A, Split = i % 4 == 3 ? RecordSplit.Test : RecordSplit.Train,
            Provenance = Provenance.RealData("test", now),
        }).ToList();

        // Offline-style records: the train questions rephrased with a dialect opener.
        records.AddRange(records.Where(r => r.Split == RecordSplit.Train).ToList().Select(r => r with
        {
            Id = "aug-" + r.Id, Question = "دكتور، " + r.Question, Split = RecordSplit.None,
            Provenance = new Provenance("test", RecordKind.OfflineAugmented, "offline", "rules", "v1", [r.Id], now, null, null),
        }));
        new RecordStore(ws).Insert(records);
        return ws;
    }

    [Fact]
    public void Conditions_select_real_train_plus_named_sources_and_never_test()
    {
        var ws = Seed();
        var all = new RecordStore(ws).Read();
        var original = ConditionData.Select("original", all, new HashSet<string>());
        var offline = ConditionData.Select("original+offline", all, new HashSet<string> { "aug-r00" });
        Assert.Equal(9, original.Count);
        Assert.Equal(9 + 8, offline.Count);
        Assert.DoesNotContain(offline, r => r.Split == RecordSplit.Test || r.Id == "aug-r00");
        Assert.Throws<ArgumentException>(() => ConditionData.Select("offline", all, new HashSet<string>()));
    }

    [Fact]
    public async Task Ablation_trains_evaluates_and_writes_the_report_end_to_end()
    {
        var ws = Seed();
        var config = new AblationConfig
        {
            Name = "unit",
            Conditions = ["original", "original+offline"],
            Models =
            [
                new AblationModel { Name = "retrieval", Kind = "retrieval" },
                new AblationModel { Name = "tiny", Base = "shifa-tiny", MaxSteps = 2, MaxNewTokens = 8 },
            ],
            Metrics = ["chrf", "rougeL"],
            Resamples = 200,
            Trials = 500,
        }.Validate();

        var (report, folder) = await new AblationRunner(ws, config).RunAsync();
        Assert.Equal(4, report.Rows.Count);
        Assert.Equal(3, report.Items);
        Assert.Equal(2, report.Deltas.Count);
        Assert.True(File.Exists(Path.Combine(folder, "report.md")));
        Assert.Equal(0, report.EmptyAnswers["retrieval/original"]);
        Assert.Equal(4, report.EmptyAnswers.Count);
        Assert.True(File.Exists(Path.Combine(folder, "charts", "chrF2.png")));
        Assert.True(File.Exists(Path.Combine(_dir, "models", "ablation-tiny-original_offline", "model.safetensors")));

        // A second run trains and generates nothing new and gives the same numbers.
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(_dir, "models", "ablation-tiny-original", "model.safetensors"));
        var (again, _) = await new AblationRunner(ws, config).RunAsync();
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(_dir, "models", "ablation-tiny-original", "model.safetensors")));
        Assert.Equal(report.Rows.Select(r => r.Cells["chrF2"].Mean), again.Rows.Select(r => r.Cells["chrF2"].Mean));
    }

    [Theory]
    [InlineData("""{ "name": "m", "kind": "sft" }""", "needs field 'base'")]
    [InlineData("""{ "name": "m", "base": "shifa-tiny", "precision": "fp16" }""", "model 'm' field 'precision' is 'fp16'")]
    public void Config_errors_name_the_field(string model, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"abl-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""{ "conditions": ["original"], "models": [ {{model}} ] }""");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => AblationConfig.Load(path));
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
