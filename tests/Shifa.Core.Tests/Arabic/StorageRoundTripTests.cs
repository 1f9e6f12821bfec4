using CsCheck;
using Shifa.Core.Arabic;
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Core.Tests.Arabic;

public sealed class StorageRoundTripTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-text-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static QaRecord Record(int i, string question, string answer) => new()
    {
        Id = "r" + i,
        Question = question,
        Answer = answer,
        Provenance = Provenance.RealData("roundtrip", DateTimeOffset.UnixEpoch),
    };

    [Fact]
    public void Display_text_survives_storage_and_normalizes_the_same_after_reading()
    {
        // Display normalization repairs unpaired surrogates, which UTF-8 storage could not keep.
        var gen = NormalizerPropertyTests.Text.Select(NormalizerPropertyTests.Text, (q, a) => (
            Q: ArabicNormalizer.ForDisplay.Normalize("سؤال " + q),
            A: ArabicNormalizer.ForDisplay.Normalize("جواب " + a))).Array[300];
        gen.Sample(pairs =>
        {
            var store = new RecordStore(Workspace.Open(Path.Combine(_dir, Guid.NewGuid().ToString("N"))));
            store.Insert(pairs.Select((p, i) => Record(i, p.Q, p.A)));

            var back = store.Read().ToDictionary(r => r.Id);
            Assert.Equal(pairs.Length, back.Count);
            for (var i = 0; i < pairs.Length; i++)
            {
                var r = back["r" + i];
                Assert.Equal(pairs[i].Q, r.Question);
                Assert.Equal(pairs[i].A, r.Answer);
                Assert.Equal(ArabicNormalizer.ForMatching.Normalize(pairs[i].Q), ArabicNormalizer.ForMatching.Normalize(r.Question));
                Assert.Equal(ArabicNormalizer.ForDisplay.Normalize(r.Answer), r.Answer);
            }
        }, iter: 3, threads: 1);
    }

    [Fact]
    public void Every_character_class_round_trips_byte_for_byte()
    {
        const string q = "هَلْ ضـــغط الدم ١٥٠/٩٠ مرتفع؟ 🤒 عايزة أعرف، BP؛ 👨‍👩‍👧 ۳۸٫۵ \u200Fﺍﺣﻤﺪ";
        var store = new RecordStore(Workspace.Open(_dir));
        store.Insert([Record(1, q, "نعم")]);
        var back = Assert.Single(store.Read());
        Assert.Equal(q, back.Question);
        Assert.Equal(ArabicNormalizer.ForMatching.Normalize(q), ArabicNormalizer.ForMatching.Normalize(back.Question));
        Assert.Equal("هل ضغط الدم 150/90 مرتفع؟ عايزه اعرف، bp؛ 38.5 احمد", ArabicNormalizer.ForMatching.Normalize(back.Question));
    }
}
