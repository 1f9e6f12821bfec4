using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Evaluation.Scoring;
using Shifa.Evaluation.Storage;
using Shifa.Evaluation.Systems;

namespace Shifa.Evaluation.Tests.Systems;

public sealed class RetrievalAndEvaluatorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-evalrun-" + Guid.NewGuid().ToString("N"));

    private static readonly QaRecord[] Train =
    [
        Rec("t1", "عندي صداع شديد منذ ثلاثة أيام، ماذا أفعل؟", "خذ مسكنا واشرب الماء وراجع الطبيب إذا استمر الصداع."),
        Rec("t2", "ابني حرارته مرتفعة ٣٩ درجة 🤒", "أعطه خافض حرارة وراجع طبيب الأطفال."),
        Rec("t3", "هل السكري يسبب العطش؟", "نعم، العطش الشديد من أعراض ارتفاع السكر في الدم."),
    ];

    private static readonly QaRecord[] Test =
    [
        Rec("x1", "صُداع قوي من ٣ ايام شو اعمل", "راجع الطبيب وخذ مسكنا."),
        Rec("x2", "مريض السكّري يشعر بالعطش كثيراً، هل هذا طبيعي؟", "العطش من أعراض ارتفاع السكر، افحص السكر."),
    ];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Retrieval_finds_the_dialect_and_vowelled_paraphrase()
    {
        var retrieval = new RetrievalSystem(Train);
        Assert.Equal(0, retrieval.Nearest(Test[0].Question).Index);
        Assert.Equal(2, retrieval.Nearest(Test[1].Question).Index);
        Assert.Throws<ArgumentException>(() => new RetrievalSystem([]));
    }

    [Fact]
    public async Task Evaluator_stores_answers_resumes_and_scores_every_item()
    {
        var store = new EvaluationStore(Workspace.Open(_dir));
        store.EnsureRun("run1", "test", "{}");
        var evaluator = new Evaluator(store) { SaveEvery = 1 };
        var retrieval = new RetrievalSystem(Train);
        Assert.Equal(2, await evaluator.GenerateAsync("run1", retrieval, Test));
        Assert.Equal(0, await evaluator.GenerateAsync("run1", retrieval, Test));
        Assert.Equal(Train[0].Answer, store.ReadOutputs("run1", "retrieval")["x1"]);

        var written = evaluator.Score("run1", "retrieval", Test, [StringItemMetrics.Create("chrf"), StringItemMetrics.Create("rougeL")]);
        Assert.Equal(4, written.Count);
        var chrf = store.ReadScores("run1", "retrieval", "chrF2");
        Assert.All(chrf, s => Assert.InRange(s.Value, 1, 99));
        Assert.Contains("chrF2|nc:6", chrf[0].Signature, StringComparison.Ordinal);

        var ex = Assert.Throws<InvalidOperationException>(() => evaluator.Score("run1", "other", Test, [StringItemMetrics.Create("bleu")]));
        Assert.Contains("x1", ex.Message, StringComparison.Ordinal);
    }

    private static QaRecord Rec(string id, string q, string a) =>
        new() { Id = id, Question = q, Answer = a, Provenance = Provenance.RealData("test", DateTimeOffset.UnixEpoch) };
}
