using Shifa.Core.Records;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Planning;

public sealed class GenerationPlannerTests
{
    private static PlanOptions Options(int records = 500, QuotaMode mode = QuotaMode.Proportional) => new()
    {
        Provider = "openai", TargetRecords = records, PairsPerItem = 5, ExemplarsPerItem = 3, QuotaMode = mode, PromptVersion = "synth-ar-v1",
    };

    [Fact]
    public void Plan_built_twice_from_the_same_inputs_is_identical()
    {
        var a = GenerationPlanner.Build(SeedData.Records(), Options());
        // Input order must not matter either.
        var shuffled = SeedData.Records().AsEnumerable().Reverse().ToList();
        var b = GenerationPlanner.Build(shuffled, Options());

        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Items, b.Items, (x, y) => x.Id == y.Id && x.Seq == y.Seq && x.ExemplarIds.SequenceEqual(y.ExemplarIds) && x.Persona == y.Persona && x.Dialect == y.Dialect && x.QuestionType == y.QuestionType);
        Assert.Equal(a.Items.Count, a.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Different_seed_or_provider_gives_different_items()
    {
        var a = GenerationPlanner.Build(SeedData.Records(), Options());
        var b = GenerationPlanner.Build(SeedData.Records(), Options() with { Seed = 7 });
        var c = GenerationPlanner.Build(SeedData.Records(), Options() with { Provider = "gemini" });
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Empty(a.Items.Select(i => i.Id).Intersect(c.Items.Select(i => i.Id)));
    }

    [Fact]
    public void Proportional_quotas_follow_the_seed_distribution()
    {
        var plan = GenerationPlanner.Build(SeedData.Records(), Options(records: 1000));
        var total = plan.Items.Count;
        Assert.Equal(200, total);
        // Seed outside the test split: 9 of every 10 records, so shares stay close to the distribution.
        var seed = SeedData.Records().Where(r => r.Split != RecordSplit.Test).GroupBy(r => r.SpecialtyKey!).ToDictionary(g => g.Key, g => g.Count());
        var seedTotal = seed.Values.Sum();
        foreach (var (key, count) in seed)
        {
            var expected = (double)count / seedTotal * total;
            Assert.InRange(plan.Quotas[key], Math.Floor(expected), Math.Ceiling(expected));
            Assert.Equal(plan.Quotas[key], plan.Items.Count(i => i.SpecialtyKey == key));
        }
    }

    [Fact]
    public void Flattened_quotas_raise_rare_specialties_to_the_floor()
    {
        var proportional = GenerationPlanner.Build(SeedData.Records(), Options(records: 1000));
        var flattened = GenerationPlanner.Build(SeedData.Records(), Options(records: 1000, QuotaMode.Flattened) with { FloorShare = 0.15 });
        Assert.True(flattened.Quotas["dentistry"] > proportional.Quotas["dentistry"]);
        Assert.True(flattened.Quotas["dentistry"] >= 0.15 * 200 * 0.8, $"dentistry got {flattened.Quotas["dentistry"]}");
        Assert.True(flattened.Quotas["obgyn"] < proportional.Quotas["obgyn"]);
        Assert.Equal(200, flattened.Quotas.Values.Sum());
    }

    [Fact]
    public void Every_seed_record_is_used_before_any_is_reused()
    {
        var plan = GenerationPlanner.Build(SeedData.Records(), Options(records: 1000));
        var seed = SeedData.Records().Where(r => r.Split != RecordSplit.Test).ToList();
        foreach (var group in plan.Items.GroupBy(i => i.SpecialtyKey))
        {
            var ids = seed.Where(r => r.SpecialtyKey == group.Key).Select(r => r.Id).ToHashSet();
            // Items in generation order within the specialty are their order in the id hash; rebuild the stream by exemplar use counts.
            var uses = group.SelectMany(i => i.ExemplarIds).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(uses.Keys, id => Assert.Contains(id, ids));
            var totalUses = uses.Values.Sum();
            if (totalUses >= ids.Count)
            {
                Assert.Equal(ids.Count, uses.Count);
            }

            // Spread: no record is used more than one pass beyond any other.
            Assert.True(uses.Values.Max() - uses.Values.Min() <= 1, $"{group.Key}: uses range {uses.Values.Min()}..{uses.Values.Max()}");
            Assert.All(group, i => Assert.Equal(i.ExemplarIds.Count, i.ExemplarIds.Distinct().Count()));
        }
    }

    [Fact]
    public void Test_split_records_are_never_exemplars_and_personas_come_from_the_seed()
    {
        var records = SeedData.Records();
        var test = records.Where(r => r.Split == RecordSplit.Test).Select(r => r.Id).ToHashSet();
        var plan = GenerationPlanner.Build(records, Options());
        Assert.DoesNotContain(plan.Items.SelectMany(i => i.ExemplarIds), test.Contains);
        Assert.All(plan.Items.Where(i => i.SpecialtyKey == "obgyn"), i => Assert.Equal("female", i.Persona.Gender));
        Assert.All(plan.Items.Where(i => i.SpecialtyKey == "pediatrics"), i => Assert.InRange(i.Persona.AgeYears!.Value, 2, 11));
        Assert.Subset(PlanOptions.DefaultDialectMix.Keys.ToHashSet(), plan.Items.Select(i => i.Dialect).ToHashSet());
    }

    [Fact]
    public void Validation_records_are_never_exemplars_either_so_generated_records_can_go_to_train()
    {
        // Every tenth record (offset 4) moves to val; test keeps its own tenth.
        var records = SeedData.Records().Select((r, i) => i % 10 == 4 ? r with { Split = RecordSplit.Val } : r).ToList();
        var heldOut = records.Where(r => r.Split is RecordSplit.Val or RecordSplit.Test).Select(r => r.Id).ToHashSet();
        Assert.Contains(records, r => r.Split == RecordSplit.Val);

        var plan = GenerationPlanner.Build(records, Options());

        Assert.DoesNotContain(plan.Items.SelectMany(i => i.ExemplarIds), heldOut.Contains);
        using var dir = new TempDir();
        var ws = Shifa.Core.Storage.Workspace.Open(dir.Path, Shifa.Synthesis.Storage.SynthesisSchema.Instance);
        new Shifa.Core.Storage.RecordStore(ws).Insert(records);
        var seed = new Shifa.Synthesis.Storage.SynthesisStore(ws).ReadSeed();
        Assert.Equal(records.Count - heldOut.Count, seed.Count);
        Assert.DoesNotContain(seed.Keys, heldOut.Contains);
    }

    [Fact]
    public void Empty_seed_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => GenerationPlanner.Build([], Options()));
        Assert.Contains("shifa ingest", e.Message);
    }
}
