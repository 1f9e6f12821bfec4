using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Core.Tests.Storage;

public sealed class RecordStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Insert_then_read_keeps_every_field_and_provenance()
    {
        var ws = Workspace.Open(_dir);
        var store = new RecordStore(ws);
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(3));
        var r = new QaRecord
        {
            Id = "r1",
            Question = "هَلْ ضـــغط الدم ١٥٠ مرتفع؟ 🤒 BP",
            Answer = "نعم، يُعتبر مرتفعًا؛ راجع الطبيب.",
            Specialty = "ارتفاع ضغط الدم",
            SpecialtyKey = "hypertension",
            Gender = "male",
            AgeYears = 38,
            Dialect = "msa",
            Split = RecordSplit.Test,
            Provenance = new Provenance("gemini", RecordKind.LlmSynthetic, "gemini", "gemini-2.5-pro", "qa-v1", ["a", "b"], created, "MIT", "item-9"),
        };

        Assert.Equal(1, store.Insert([r]));
        Assert.Equal(0, store.Insert([r]));
        var back = Assert.Single(store.Read());
        Assert.Equal(r.Question, back.Question);
        Assert.Equal(r.Answer, back.Answer);
        Assert.Equal(r.AgeYears, back.AgeYears);
        Assert.Equal(r.Split, back.Split);
        Assert.Equal(r.Provenance.ExemplarIds, back.Provenance.ExemplarIds);
        Assert.Equal(r.Provenance with { ExemplarIds = back.Provenance.ExemplarIds }, back.Provenance);
    }

    [Fact]
    public void Reopening_a_workspace_does_not_reapply_migrations()
    {
        Workspace.Open(_dir);
        var ws = Workspace.Open(_dir);
        Assert.Equal(0, new RecordStore(ws).Count());
    }
}
