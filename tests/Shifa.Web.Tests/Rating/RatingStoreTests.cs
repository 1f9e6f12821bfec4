using System.Text.Json;
using Shifa.Core.Storage;
using Shifa.Web.Rating;

namespace Shifa.Web.Tests.Rating;

public sealed class RatingStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-rating-" + Guid.NewGuid().ToString("N"));
    private readonly RatingStore _store;

    public RatingStoreTests()
    {
        _store = new RatingStore(Workspace.Open(_dir));
        _store.Add(Enumerable.Range(0, 40).Select(i => new RatingItem($"p{i:D2}", "ما علاج الصداع؟", "model-x", $"جواب س {i}", "retrieval", $"جواب ص {i}")));
        _store.Add([new RatingItem("l1", "ما علاج الزكام؟", "model-x", "الراحة والسوائل، ويشفي الزكام خلال يوم واحد دائمًا.")]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public void Side_by_side_order_is_stable_per_rater_balanced_and_mapped_back_to_systems()
    {
        var items = Enumerable.Range(0, 40).Select(i => _store.Get($"p{i:D2}")!).ToList();
        var firstIsX = items.Count(i => RatingStore.ShownFirst(i, "expert1") == "model-x");
        Assert.InRange(firstIsX, 10, 30);
        Assert.All(items, i => Assert.Equal(RatingStore.ShownFirst(i, "expert1"), RatingStore.ShownFirst(i, "expert1")));

        var item = items[0];
        _store.RatePairwise(item.Id, "expert1", "first");
        var sw = new StringWriter();
        _store.Export(sw);
        using var doc = JsonDocument.Parse(sw.ToString().Trim());
        Assert.Equal(RatingStore.ShownFirst(item, "expert1"), doc.RootElement.GetProperty("preferred").GetString());
        Assert.Equal("pairwise", doc.RootElement.GetProperty("kind").GetString());
        Assert.Throws<ArgumentException>(() => _store.RatePairwise(item.Id, "expert1", "left-ish"));
        Assert.Throws<ArgumentException>(() => _store.RatePairwise("l1", "expert1", "first"));
    }

    [Fact]
    public void Likert_checks_ranges_and_the_hallucination_span()
    {
        Assert.Throws<ArgumentException>(() => _store.RateLikert("l1", "e", new LikertScores(6, 3, 3, 3, false, null)));
        Assert.Throws<ArgumentException>(() => _store.RateLikert("l1", "e", new LikertScores(3, 3, 3, 3, true, "كلام غير موجود في الإجابة")));
        _store.RateLikert("l1", "e", new LikertScores(2, 4, 3, 5, true, "ويشفي الزكام خلال يوم واحد دائمًا"));
        var sw = new StringWriter();
        Assert.Equal(1, _store.Export(sw));
        using var doc = JsonDocument.Parse(sw.ToString().Trim());
        var r = doc.RootElement;
        Assert.Equal(2, r.GetProperty("accuracy").GetInt32());
        Assert.True(r.GetProperty("hallucination").GetBoolean());
        Assert.Equal("ويشفي الزكام خلال يوم واحد دائمًا", r.GetProperty("hallucination_span").GetString());
        Assert.Equal("model-x", r.GetProperty("system_a").GetString());
    }
}
