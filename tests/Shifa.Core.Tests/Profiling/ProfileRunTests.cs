using System.Text.Json;
using Shifa.Core.Pii;
using Shifa.Core.Profiling;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Core.Tests.Pii;

namespace Shifa.Core.Tests.Profiling;

public sealed class ProfileRunTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-profile-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static QaRecord R(string id, string q, string a, string? specialty, string? dialect = null, RecordKind kind = RecordKind.Real) => new()
    {
        Id = id,
        Question = q,
        Answer = a,
        Specialty = specialty,
        SpecialtyKey = specialty,
        Dialect = dialect,
        Provenance = new Provenance("test", kind, null, null, null, [], Now, null),
    };

    [Fact]
    public void Profile_counts_specialties_lengths_dialects_duplicates_and_pii()
    {
        QaRecord[] records =
        [
            R("1", "هَلْ ضـــغط الدم ١٥٠/٩٠ مرتفع؟", "نعم، راجع الطبيب. د. سامي الزاهري", "قلب"),
            R("2", "هل ضغط الدم 150/90 مرتفع ؟", "نعم مرتفع.", "قلب"), // same question after matching normalisation
            R("3", "عايز اعرف ايه علاج القولون العصبي 😷", "اتصل على 0551234567", "هضمي"),
            R("4", "ابي اعرف وش علاج الحموضة", "اشرب الماء", "هضمي", kind: RecordKind.OfflineAugmented),
            R("5", "MRI للركبة؟", "نعم", null, dialect: "msa"),
        ];

        var p = DatasetProfiler.Compute(records, Now);

        Assert.Equal(5, p.RecordCount);
        Assert.Equal(4, p.Kinds["Real"]);
        Assert.Equal(1, p.Kinds["OfflineAugmented"]);
        Assert.Equal(["قلب", "هضمي", "(none)"], p.Specialties.Select(s => s.Key)); // ties by key, ordinal
        Assert.Equal(0.4, p.Specialties[0].Share);
        Assert.Equal(1, p.Dialects["egyptian"]);
        Assert.Equal(1, p.Dialects["gulf"]);
        Assert.Equal(3, p.Dialects["msa"]);
        Assert.Equal(4, p.Duplicates.DistinctQuestions);
        Assert.Equal(0.2, p.Duplicates.QuestionDuplicateRate);
        Assert.Equal(0, p.Duplicates.PairDuplicateRate);
        Assert.Equal(1, p.Pii.HitsByKind[nameof(PiiKind.Doctor)]);
        Assert.Equal(1, p.Pii.HitsByKind[nameof(PiiKind.Phone)]);
        Assert.Equal(0, p.Pii.HitsByKind[nameof(PiiKind.Email)]);
        Assert.Equal(2, p.Pii.RecordsWithPii);
        Assert.Equal((1.0, 6.0), (p.AnswerLength.Words.Min, p.AnswerLength.Words.Max)); // "نعم" … "نعم، راجع الطبيب. د. سامي الزاهري"
    }

    [Fact]
    public void Distribution_uses_nearest_rank_percentiles_and_fixed_bins()
    {
        var d = Distribution.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], Distribution.CharEdges);
        Assert.Equal((1.0, 5.0, 9.0, 100.0, 14.5), (d.Min, d.P50, d.P90, d.Max, d.Mean));
        Assert.Equal(9, d.Histogram[0].Count); // [0, 25)
        Assert.Equal(1, d.Histogram[3].Count); // [100, 200)
        Assert.Null(d.Histogram[^1].Upper);
        Assert.Equal(10, d.Histogram.Sum(b => b.Count));
        var empty = Distribution.Of([], Distribution.WordEdges);
        Assert.Equal(0, empty.Count);
        Assert.All(empty.Histogram, b => Assert.Equal(0, b.Count));
    }

    [Fact]
    public void Run_writes_json_markdown_and_real_png_charts_for_the_aramed_sample()
    {
        var rows = SampleCsv.Read(AraMedSignatureTests.SamplePath());
        var records = rows.Select((r, i) => R(
            "a" + i,
            string.IsNullOrWhiteSpace(r["Question description"]) ? r["Question title"] : r["Question description"],
            r["Answer details 1"],
            r["Question category"].Trim())).ToList();
        var ws = Workspace.Open(_dir);
        new RecordStore(ws).Insert(records);

        var result = ProfileRun.Run(ws, Now);

        Assert.Equal(400, result.Profile.RecordCount);
        Assert.Equal(35, result.Profile.Specialties.Count);
        var back = ProfileReport.ReadJson(result.JsonPath);
        Assert.Equal(result.Profile.Specialties, back.Specialties);
        Assert.Equal(result.Profile.QuestionLength.Chars.Histogram, back.QuestionLength.Chars.Histogram);
        using (var doc = JsonDocument.Parse(File.ReadAllText(result.JsonPath)))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
            Assert.Equal(35, doc.RootElement.GetProperty("specialties").GetArrayLength());
        }

        var md = File.ReadAllText(result.MarkdownPath);
        Assert.Contains("## Specialties (35)", md, StringComparison.Ordinal);
        Assert.Contains("امراض نسائية", md, StringComparison.Ordinal);
        Assert.Equal(ProfileCharts.FileNames.Count, result.ChartPaths.Count);
        foreach (var png in result.ChartPaths)
        {
            var bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 5_000, $"{png} is only {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            Assert.Contains($"]({Path.GetFileName(png)})", md, StringComparison.Ordinal);
        }

        using (var c = ws.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            // `shifa run` owns the manifests; the profile run only reports what goes into its row.
            cmd.CommandText = "SELECT COUNT(*) FROM manifests";
            Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
        }

        Assert.Equal(result.InputHash, ProfileRun.InputHash(new RecordStore(ws).Read()));
        Assert.NotEqual(result.InputHash, ProfileRun.InputHash(records.Skip(1)));

        // Arabic labels need a font with Arabic glyphs; on Debian that is DejaVu Sans (fonts-dejavu-core).
        {
            var typeface = ScottPlot.Fonts.GetTypeface(ProfileCharts.FontName, false, false);
            Assert.True(typeface.GetGlyph('\u0645') != 0, $"font '{ProfileCharts.FontName}' / '{typeface.FamilyName}' has no Arabic glyphs");
        }

        // The sample's doctor names must not reach the profile files.
        var names = rows.Select(r => r["Name of doctor 1"].Trim()).Where(n => n.StartsWith("الدكتور ", StringComparison.Ordinal)).Select(n => n["الدكتور ".Length..]);
        var json = File.ReadAllText(result.JsonPath);
        Assert.All(names, n => Assert.False(json.Contains(n, StringComparison.Ordinal) || md.Contains(n, StringComparison.Ordinal)));
    }
}
