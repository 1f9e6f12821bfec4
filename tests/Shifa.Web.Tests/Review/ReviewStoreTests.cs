using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Web.Retrieval;
using Shifa.Web.Review;

namespace Shifa.Web.Tests.Review;

public sealed class ReviewStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-review-" + Guid.NewGuid().ToString("N"));
    private readonly Workspace _ws;

    public ReviewStoreTests()
    {
        _ws = Workspace.Open(_dir);
        var at = DateTimeOffset.UnixEpoch;
        var records = new List<QaRecord>();
        for (var i = 0; i < 200; i++)
        {
            var provider = i < 150 ? "openai" : "gemini";
            var specialty = i % 4 == 0 ? "أطفال" : "باطنية";
            records.Add(new QaRecord
            {
                Id = $"r{i:D3}", Question = $"سؤال رقم {i} عن الصداع؟", Answer = $"إجابة {i}", SpecialtyKey = specialty,
                Provenance = new Provenance("synthetic", RecordKind.LlmSynthetic, provider, "m", "v1", [], at, null, $"w{i}"),
            });
        }

        records.Add(new QaRecord { Id = "real1", Question = "سؤال حقيقي", Answer = "جواب", Provenance = Provenance.RealData("aramed", at) });
        new RecordStore(_ws).Insert(records);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public void Round_is_stratified_by_provider_and_specialty_and_overlaps_as_asked()
    {
        var store = new ReviewStore(_ws);
        var round = store.CreateRound(new ReviewRoundRequest("r", 0.1, 0.95, 0.25, ["a", "b"], 7, "admin"));
        // Synthetic only (200), ±10% at 95%: n0 = 96.04 → 96.04 / (1 + 95.04/200) = 65.1 → 66.
        Assert.Equal(200, round.Population);
        Assert.Equal(66, round.SampleSize);
        Assert.Equal(66 + 17, round.Assignments);
        using var c = _ws.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT stratum, COUNT(DISTINCT record_id) FROM round_items GROUP BY stratum ORDER BY stratum";
        using var rd = cmd.ExecuteReader();
        var strata = new Dictionary<string, long>();
        while (rd.Read())
        {
            strata[rd.GetString(0)] = rd.GetInt64(1);
        }

        // Population shares 112.5 : 37.5 : 37.5 : 12.5 of 200 → 37.1 : 12.4 : 12.4 : 4.1 of 66.
        Assert.Equal(4, strata.Count);
        Assert.Equal(66, strata.Values.Sum());
        Assert.InRange(strata["openai / باطنية"], 37, 38);
        Assert.InRange(strata["gemini / أطفال"], 4, 5);
        Assert.DoesNotContain(strata.Keys, k => k.StartsWith("aramed", StringComparison.Ordinal));
    }

    [Fact]
    public void Decisions_feed_curation_edits_are_kept_and_rejected_records_leave_the_corpus()
    {
        var store = new ReviewStore(_ws);
        store.CreateRound(new ReviewRoundRequest("r", 0.25, 0.95, 1.0, ["a", "b"], 1, "admin"));
        var first = store.Next(1, "a")!;
        store.Submit(1, first.RecordId, "a", "reject", "wrong-medicine", null, danger: true);
        store.Submit(1, first.RecordId, "b", "reject", "unsafe", null, danger: false);
        var second = store.Next(1, "a")!;
        store.Submit(1, second.RecordId, "a", "edit", null, "إجابة مصححة أولى", false);
        store.Submit(1, second.RecordId, "a", "edit", null, "إجابة مصححة ثانية", false);
        store.Submit(1, second.RecordId, "b", "accept", null, null, false);
        Assert.Throws<ArgumentException>(() => store.Submit(1, second.RecordId, "a", "reject", "not-a-reason", null, false));
        Assert.Throws<InvalidOperationException>(() => store.Submit(1, second.RecordId, "stranger", "accept", null, null, false));

        var agreement = store.Agreement(1);
        Assert.Equal(2, agreement.OverlapItems);
        Assert.Equal([second.RecordId], agreement.Disagreements);
        store.Adjudicate(1, second.RecordId, "admin", "edit", "keep the fix");
        Assert.Empty(store.Agreement(1).Disagreements);

        using (var c = _ws.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT record_id, keep, reason FROM decisions WHERE stage = 'review' ORDER BY keep";
            using var rd = cmd.ExecuteReader();
            Assert.True(rd.Read());
            Assert.Equal((first.RecordId, 0L), (rd.GetString(0), rd.GetInt64(1)));
            Assert.Contains("wrong-medicine", rd.GetString(2), StringComparison.Ordinal);
            Assert.True(rd.Read());
            Assert.Equal((second.RecordId, 1L, "adjudicated:edit"), (rd.GetString(0), rd.GetInt64(1), rd.GetString(2)));
        }

        using (var c = _ws.OpenConnection())
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT previous_answer, new_answer FROM review_edits ORDER BY id";
            using var rd = cmd.ExecuteReader();
            Assert.True(rd.Read());
            Assert.Equal((second.Answer, "إجابة مصححة أولى"), (rd.GetString(0), rd.GetString(1)));
            Assert.True(rd.Read());
            Assert.Equal(("إجابة مصححة أولى", "إجابة مصححة ثانية"), (rd.GetString(0), rd.GetString(1)));
        }

        var corpus = VettedCorpus.Load(_ws);
        Assert.DoesNotContain(corpus, a => a.RecordId == first.RecordId);
        Assert.Equal("إجابة مصححة ثانية", corpus.Single(a => a.RecordId == second.RecordId).Answer);

        var acceptance = store.AcceptanceByProvider();
        Assert.Equal(2, acceptance.Sum(p => p.Interval.Total));
        Assert.Equal(1, acceptance.Sum(p => p.Interval.Successes));
    }
}
