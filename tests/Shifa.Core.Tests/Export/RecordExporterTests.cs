using System.Text;
using System.Text.Json;
using Shifa.Core.Export;
using Shifa.Core.Ingest;
using Shifa.Core.Records;
using Shifa.Core.Splitting;
using Shifa.Core.Storage;
using Shifa.Core.Tests.Ingest;

namespace Shifa.Core.Tests.Export;

public sealed class RecordExporterTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private Workspace Seeded()
    {
        var csv = _tmp.File("seed.csv",
            "question,answer,category,gender,age\n"
            + "\"هَلْ ضغط الدم ١٥٠ مرتفع؟ 🤒\",\"نعم، يُعتبر مرتفعًا؛ راجع الطبيب.\nسطر ثانٍ \"\"مقتبس\"\"\",ارتفاع ضغط الدم,ذكر,38 سنة\n"
            + "- أعاني من حكة, =جواب يبدأ بعلامة مساواة,جلدية,,\n"
            + "سؤال ٣,جواب ٣,جلدية,أنثى,\n");
        var ws = Workspace.Open(_tmp.WorkspaceDir);
        var r = new RecordIngestor(ws).Ingest(csv, new IngestOptions { Source = "seed", Licence = "CC-BY" });
        Assert.Equal(3, r.Ingested);
        return ws;
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Jsonl)]
    [InlineData(ExportFormat.Parquet)]
    public void Exports_reingest_into_identical_records(ExportFormat format)
    {
        var ws = Seeded();
        var original = new RecordStore(ws).Read().OrderBy(r => r.Id).ToList();
        var file = _tmp.PathOf("out" + RecordExporter.Extension(format));

        Assert.Equal(3, RecordExporter.ExportFile(ws, format, null, file));

        var ws2 = Workspace.Open(Path.Combine(_tmp.Root, "ws2"));
        var again = new RecordIngestor(ws2).Ingest(file, new IngestOptions { Source = "seed", Licence = "CC-BY" });
        Assert.Equal((3L, 3L, 0L), (again.RowsRead, again.Ingested, again.Rejected));
        var back = new RecordStore(ws2).Read().OrderBy(r => r.Id).ToList();
        Assert.Equal(original.Select(r => (r.Id, r.Question, r.Answer, r.Specialty, r.SpecialtyKey, r.Gender, r.AgeYears)),
            back.Select(r => (r.Id, r.Question, r.Answer, r.Specialty, r.SpecialtyKey, r.Gender, r.AgeYears)));
    }

    [Fact]
    public void Hf_chat_is_one_user_and_one_assistant_message_per_line()
    {
        var ws = Seeded();
        var file = _tmp.PathOf("chat.jsonl");
        RecordExporter.ExportFile(ws, ExportFormat.HfChat, null, file);

        var lines = File.ReadAllLines(file, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        var records = new RecordStore(ws).Read();
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            Assert.Equal(["messages"], root.EnumerateObject().Select(p => p.Name));
            var m = root.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal(["user", "assistant"], m.Select(x => x.GetProperty("role").GetString()));
            Assert.Equal(records[i].Question, m[0].GetProperty("content").GetString());
            Assert.Equal(records[i].Answer, m[1].GetProperty("content").GetString());
        }

        Assert.Contains("هَلْ ضغط الدم", lines[0]);
    }

    [Fact]
    public void Csv_export_is_bom_utf8_keeps_leading_formula_characters_and_filters_by_split()
    {
        var ws = Seeded();
        StratifiedSplitter.Apply(ws, new SplitOptions { Val = 0, Test = 0.5 });
        var file = _tmp.PathOf("test.csv");

        var n = RecordExporter.ExportFile(ws, ExportFormat.Csv, RecordSplit.Test, file);

        var bytes = File.ReadAllBytes(file);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(new RecordStore(ws).ReadSplit(RecordSplit.Test).Count, n);
        Assert.InRange(n, 1, 2);
        var all = _tmp.PathOf("all.csv");
        RecordExporter.ExportFile(ws, ExportFormat.Csv, null, all);
        Assert.Contains(",=جواب يبدأ بعلامة مساواة,", File.ReadAllText(all));
        Assert.False(File.Exists(all + ".tmp"));
    }
}
