// Builds the work-item list from the seed: quotas per specialty, exemplars, personas, dialects, question types.
using System.Globalization;
using Shifa.Core.Hashing;
using Shifa.Core.Records;

namespace Shifa.Synthesis.Planning;

/// <summary>
/// Turns real seed records into a deterministic <see cref="GenerationPlan"/>: the same records and
/// options always give the same items with the same ids in the same order.
/// </summary>
public static class GenerationPlanner
{
    /// <summary>Key used for seed records that carry no specialty.</summary>
    public const string UnspecifiedSpecialty = "unspecified";

    /// <summary>
    /// Builds the plan. Only real records outside val and test (train, or not split yet) are used as exemplars
    /// or for shares: generated records go to train, and must not carry held-out content there.
    /// </summary>
    public static GenerationPlan Build(IEnumerable<QaRecord> records, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var seed = records
            .Where(r => r.Provenance.Kind == RecordKind.Real && r.Split is not (RecordSplit.Val or RecordSplit.Test))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        if (seed.Count == 0)
        {
            throw new InvalidOperationException("The workspace has no real records outside the val and test splits to plan from; run `shifa ingest` first.");
        }

        var bySpecialty = seed.GroupBy(KeyOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var shares = bySpecialty.ToDictionary(kv => kv.Key, kv => (double)kv.Value.Count / seed.Count, StringComparer.Ordinal);
        var weights = options.QuotaMode == QuotaMode.Flattened ? QuotaApportioner.Flatten(shares, options.FloorShare) : shares;
        var itemCount = (options.TargetRecords + options.PairsPerItem - 1) / options.PairsPerItem;
        var quotas = QuotaApportioner.Apportion(weights, itemCount);

        var rng = new Random(options.Seed);
        var dialects = options.DialectMix.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var dialectTotal = dialects.Sum(kv => kv.Value);
        var allGenders = seed.Where(r => r.Gender is not null).Select(r => r.Gender!).ToList();
        var allAges = seed.Where(r => r.AgeYears is not null).Select(r => r.AgeYears!.Value).ToList();

        var items = new List<WorkItem>(itemCount);
        foreach (var key in quotas.Keys.Order(StringComparer.Ordinal))
        {
            var group = bySpecialty[key];
            var cycler = new ExemplarCycler(group.Select(r => r.Id).ToList(), new Random(DerivedSeed(options.Seed, key)));
            var genders = group.Where(r => r.Gender is not null).Select(r => r.Gender!).ToList();
            var ages = group.Where(r => r.AgeYears is not null).Select(r => r.AgeYears!.Value).ToList();
            if (genders.Count == 0) { genders = allGenders; }
            if (ages.Count == 0) { ages = allAges; }
            var label = group.Select(r => r.Specialty).FirstOrDefault(s => s is not null);

            for (var i = 0; i < quotas[key]; i++)
            {
                var exemplars = cycler.Take(options.ExemplarsPerItem);
                var persona = new Persona(
                    genders.Count > 0 ? genders[rng.Next(genders.Count)] : null,
                    ages.Count > 0 ? ages[rng.Next(ages.Count)] : null);
                var type = options.QuestionTypes[rng.Next(options.QuestionTypes.Count)];
                var dialect = Draw(dialects, dialectTotal, rng);
                var id = ContentHash.Short(
                    24, options.Provider, options.PromptVersion, key, type.ToString(), dialect, persona.Gender,
                    persona.AgeYears?.ToString(CultureInfo.InvariantCulture), options.PairsPerItem.ToString(CultureInfo.InvariantCulture),
                    string.Join(',', exemplars), i.ToString(CultureInfo.InvariantCulture), options.Seed.ToString(CultureInfo.InvariantCulture));
                items.Add(new WorkItem(id, options.Provider, 0, key, label, type, dialect, persona, options.PairsPerItem, exemplars, options.PromptVersion));
            }
        }

        // Interleave specialties so a run stopped early (budget, --count) still covers the seed's spread.
        var order = items.ToArray();
        rng.Shuffle(order);
        var ordered = order.Select((it, i) => it with { Seq = i }).ToList();
        return new GenerationPlan(ordered, quotas, shares, ContentHash.Of([.. ordered.Select(it => it.Id)]));
    }

    /// <summary>Grouping key of a seed record: its specialty key, else its specialty label, else <see cref="UnspecifiedSpecialty"/>.</summary>
    public static string KeyOf(QaRecord r) =>
        !string.IsNullOrWhiteSpace(r.SpecialtyKey) ? r.SpecialtyKey!
        : !string.IsNullOrWhiteSpace(r.Specialty) ? r.Specialty!.Trim()
        : UnspecifiedSpecialty;

    private static string Draw(List<KeyValuePair<string, double>> weighted, double total, Random rng)
    {
        var x = rng.NextDouble() * total;
        foreach (var (key, w) in weighted)
        {
            x -= w;
            if (x < 0)
            {
                return key;
            }
        }

        return weighted[^1].Key;
    }

    private static int DerivedSeed(int seed, string key) =>
        int.Parse(ContentHash.Short(7, seed.ToString(CultureInfo.InvariantCulture), key), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
