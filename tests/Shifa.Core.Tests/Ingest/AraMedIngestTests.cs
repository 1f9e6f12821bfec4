using System.Text;
using Microsoft.Data.Sqlite;
using Shifa.Core.Ingest;
using Shifa.Core.Storage;

namespace Shifa.Core.Tests.Ingest;

public sealed class AraMedIngestTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [SkippableFact]
    public void The_real_sample_ingests_400_records_in_35_categories_and_reingesting_only_counts_duplicates()
    {
        var ws = Workspace.Open(_tmp.WorkspaceDir);
        var ingestor = new RecordIngestor(ws);

        var first = ingestor.Ingest(AraMedSample.Original);
        var second = ingestor.Ingest(AraMedSample.Original);

        Assert.Equal("aramed", first.Layout);
        Assert.Equal((400L, 400L, 0L, 0L), (first.RowsRead, first.Ingested, first.Rejected, first.Duplicates));
        Assert.Equal((400L, 0L, 0L, 400L), (second.RowsRead, second.Ingested, second.Rejected, second.Duplicates));
        var records = new RecordStore(ws).Read();
        Assert.Equal(400, records.Count);
        Assert.Equal(35, records.Select(r => r.SpecialtyKey).Distinct().Count());
        Assert.All(records, r => Assert.Equal("aramed", r.Provenance.Source));
        Assert.Contains(records, r => r.Question == "هل ضغط الدم 150 مرتفع؟" && r.Gender == "male" && r.AgeYears == 38 && r.Title == "ضغط الدم");
        Assert.DoesNotContain(records, r => r.AgeYears > PatientFields.MaxAge);
    }

    [SkippableFact]
    public void No_doctor_name_reaches_the_workspace_database()
    {
        var names = DoctorNames.Of(AraMedSample.Original);
        Assert.True(names.Count > 100);
        var ws = Workspace.Open(_tmp.WorkspaceDir);
        new RecordIngestor(ws).Ingest(AraMedSample.Original);
        SqliteConnection.ClearAllPools();

        var text = DoctorNames.WorkspaceText(ws);
        Assert.DoesNotContain(names, text.Contains);
    }
}
