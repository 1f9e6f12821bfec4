using Shifa.Core.Records;
using Shifa.Core.Splitting;

namespace Shifa.Core.Tests.Splitting;

public sealed class StratifiedSplitterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<QaRecord> Records()
    {
        var sizes = new Dictionary<string, int> { ["نسائية"] = 75, ["جلدية"] = 26, ["قلب"] = 16, ["عيون"] = 6, ["سكري"] = 3, ["تغذية"] = 1 };
        var list = new List<QaRecord>();
        foreach (var (key, n) in sizes)
        {
            for (var i = 0; i < n; i++)
            {
                list.Add(new QaRecord
                {
                    Id = $"{key}-{i}", Question = $"سؤال {i}", Answer = "جواب", SpecialtyKey = key,
                    Provenance = Provenance.RealData("t", T0),
                });
            }
        }

        for (var i = 0; i < 30; i++)
        {
            list.Add(new QaRecord
            {
                Id = $"syn-{i}", Question = "س", Answer = "ج", SpecialtyKey = "نسائية", Split = i % 2 == 0 ? RecordSplit.Test : RecordSplit.None,
                Provenance = new Provenance("offline", RecordKind.OfflineAugmented, "offline", null, "v1", [], T0, null),
            });
        }

        return list;
    }

    [Fact]
    public void Same_seed_gives_the_same_split_whatever_the_record_order_and_another_seed_differs()
    {
        var records = Records();
        var a = StratifiedSplitter.Assign(records, new SplitOptions { Seed = 7 }).ToDictionary(x => x.Id, x => x.Split);
        var shuffled = records.OrderBy(r => r.Id.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).ToList();
        var b = StratifiedSplitter.Assign(shuffled, new SplitOptions { Seed = 7 }).ToDictionary(x => x.Id, x => x.Split);
        var c = StratifiedSplitter.Assign(records, new SplitOptions { Seed = 8 }).ToDictionary(x => x.Id, x => x.Split);

        Assert.Equal(a.OrderBy(x => x.Key), b.OrderBy(x => x.Key));
        Assert.NotEqual(a.OrderBy(x => x.Key), c.OrderBy(x => x.Key));
    }

    [Fact]
    public void Val_and_test_are_stratified_and_real_only()
    {
        var records = Records();
        var byId = records.ToDictionary(r => r.Id);
        var split = StratifiedSplitter.Assign(records, new SplitOptions { Val = 0.1, Test = 0.2 });

        Assert.Equal(records.Count, split.Count);
        Assert.All(split.Where(s => s.Split is RecordSplit.Val or RecordSplit.Test), s => Assert.False(byId[s.Id].IsSynthetic));
        Assert.All(split.Where(s => byId[s.Id].IsSynthetic), s => Assert.Equal(RecordSplit.None, s.Split));

        var real = split.Where(s => !byId[s.Id].IsSynthetic).ToList();
        Assert.InRange(real.Count(s => s.Split == RecordSplit.Test), 25, 26);
        Assert.InRange(real.Count(s => s.Split == RecordSplit.Val), 12, 13);
        foreach (var g in real.GroupBy(s => byId[s.Id].SpecialtyKey))
        {
            var n = g.Count();
            Assert.InRange(g.Count(s => s.Split == RecordSplit.Test), Math.Max(0, (int)(n * 0.2) - 1), (int)Math.Ceiling(n * 0.2) + 1);
            Assert.Contains(g, s => s.Split == RecordSplit.Train);
        }
    }

    [Theory]
    [InlineData(-0.1, 0.1)]
    [InlineData(0.6, 0.1)]
    [InlineData(0.1, double.NaN)]
    public void Fractions_out_of_range_are_refused(double val, double test) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitOptions { Val = val, Test = test });
}
