using Shifa.Core.Storage;
using Shifa.Evaluation.Storage;

namespace Shifa.Evaluation.Tests.Storage;

public sealed class EvaluationStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-eval-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Scores_and_outputs_round_trip_and_replace_on_rerun()
    {
        var store = new EvaluationStore(Workspace.Open(_dir, EvaluationSchema.Instance));
        store.EnsureRun("r1", "demo", "{}");
        store.EnsureRun("r1", "demo again", "{}");
        store.PutOutputs("r1", "retrieval", [("q1", "اشرب الماء 💧"), ("q2", "راجع الطبيب")]);
        store.PutScores([
            new ItemScore("r1", "q1", "retrieval", "chrF2", 41.5, "sig"),
            new ItemScore("r1", "q2", "retrieval", "chrF2", 12.0, "sig"),
            new ItemScore("r1", "q1", "retrieval", "rougeL", 0.4, "sig"),
        ]);
        store.PutScores([new ItemScore("r1", "q2", "retrieval", "chrF2", 13.0, "sig")]);

        var reopened = new EvaluationStore(Workspace.Open(_dir));
        var chrf = reopened.ReadScores("r1", "retrieval", "chrF2");
        Assert.Equal([41.5, 13.0], chrf.Select(s => s.Value));
        Assert.Equal(3, reopened.ReadScores("r1").Count);
        Assert.Equal("اشرب الماء 💧", reopened.ReadOutputs("r1", "retrieval")["q1"]);
    }

    [Fact]
    public void Non_finite_scores_are_refused_with_the_record_named()
    {
        var store = new EvaluationStore(Workspace.Open(_dir));
        store.EnsureRun("r1", "demo", "{}");
        var ex = Assert.Throws<ArgumentException>(() => store.PutScores([new ItemScore("r1", "q9", "m", "bertscore_f1", double.NaN, "s")]));
        Assert.Contains("q9", ex.Message, StringComparison.Ordinal);
        Assert.Empty(store.ReadScores("r1"));
    }
}
