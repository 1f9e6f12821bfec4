// A throw-away workspace folder with record builders.
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Curation.Storage;

namespace Shifa.Curation.Tests.Fixtures;

internal sealed class TestWorkspace : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TestWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "shifa-curation-tests", Guid.NewGuid().ToString("N"));
        Workspace = Workspace.Open(Root, CurationSchema.Instance);
    }

    public string Root { get; }

    public Workspace Workspace { get; }

    public static QaRecord Real(string id, string question, string answer, string? specialty = null, RecordSplit split = RecordSplit.Train) => new()
    {
        Id = id,
        Question = question,
        Answer = answer,
        Specialty = specialty,
        SpecialtyKey = specialty,
        Split = split,
        Provenance = Provenance.RealData("fixture", Epoch),
    };

    public static QaRecord Synthetic(string id, string question, string answer, string? specialty = null, string provider = "offline", int order = 0) => new()
    {
        Id = id,
        Question = question,
        Answer = answer,
        Specialty = specialty,
        SpecialtyKey = specialty,
        Provenance = new Provenance(provider, provider == "offline" ? RecordKind.OfflineAugmented : RecordKind.LlmSynthetic, provider, provider + "-model", "v1", [], Epoch.AddMinutes(order), null, "wi-" + id),
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
