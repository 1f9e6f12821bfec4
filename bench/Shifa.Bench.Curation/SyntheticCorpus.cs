// Generates a large, varied Arabic QA corpus from the fixture pairs: clauses recombined, slots refilled, some planted copies.
using Shifa.Core.Records;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Bench.Curation;

internal static class SyntheticCorpus
{
    private static readonly string[] Durations = ["منذ يومين", "منذ أسبوع", "منذ شهر", "منذ ثلاثة أيام", "منذ سنة", "منذ عشرة أيام", "من الصباح", "منذ شهرين"];
    private static readonly string[] Who = ["عمري", "ابني عمره", "زوجتي عمرها", "والدي عمره", "طفلتي عمرها", "أختي عمرها", "جدتي عمرها"];

    public static (List<QaRecord> Seed, List<QaRecord> Synthetic) Build(int seedCount, int syntheticCount, double testShare, int seed = 7)
    {
        var rng = new Random(seed);
        // Clauses are recombined within a specialty so labels stay plausible.
        var questionClauses = ArabicQa.Pairs.GroupBy(p => p.Specialty).ToDictionary(g => g.Key, g => g.SelectMany(p => Split(p.Question)).Distinct().ToArray());
        var answerClauses = ArabicQa.Pairs.GroupBy(p => p.Specialty).ToDictionary(g => g.Key, g => g.SelectMany(p => Split(p.Answer)).Distinct().ToArray());
        var vocabulary = ArabicQa.Pairs.SelectMany(p => (p.Question + " " + p.Answer).Split(' ', '،', '.', '؟')).Where(w => w.Length > 3).Distinct().ToArray();
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        (string Q, string A, string S) Make()
        {
            var p = ArabicQa.Pairs[rng.Next(ArabicQa.Pairs.Length)];
            var qs = questionClauses[p.Specialty];
            var q = $"{Who[rng.Next(Who.Length)]} {20 + rng.Next(60)} سنة، {Pick(qs.Length > 0 ? qs : [p.Question])} {Durations[rng.Next(Durations.Length)]}، و{Mutate(Pick(qs.Length > 0 ? qs : [p.Question]))}؟";
            var a = string.Join("، ", Enumerable.Range(0, 3 + rng.Next(3)).Select(_ => Mutate(Pick(answerClauses[p.Specialty])))) + ".";
            return (q, a, p.Specialty);
        }

        string Pick(string[] pool) => pool[rng.Next(pool.Length)];

        string Mutate(string clause)
        {
            var words = clause.Split(' ');
            for (var k = 0; k < 2; k++)
            {
                words[rng.Next(words.Length)] = vocabulary[rng.Next(vocabulary.Length)];
            }

            return string.Join(' ', words);
        }

        var seedRecords = new List<QaRecord>(seedCount);
        for (var i = 0; i < seedCount; i++)
        {
            var (q, a, s) = Make();
            seedRecords.Add(new QaRecord
            {
                Id = $"seed-{i:000000}", Question = q, Answer = a, Specialty = s, SpecialtyKey = s,
                Split = rng.NextDouble() < testShare ? RecordSplit.Test : RecordSplit.Train,
                Provenance = Provenance.RealData("bench", epoch),
            });
        }

        string[] providers = ["openai", "gemini", "offline"];
        var synthetic = new List<QaRecord>(syntheticCount);
        for (var i = 0; i < syntheticCount; i++)
        {
            var r = rng.NextDouble();
            string q, a, s;
            if (r < 0.03 && synthetic.Count > 0)
            {
                // Planted copy of an earlier synthetic record, with a spelling variant.
                var src = synthetic[rng.Next(synthetic.Count)];
                (q, a, s) = (src.Question.Replace('أ', 'ا'), src.Answer.Replace('ة', 'ه'), src.Specialty!);
            }
            else if (r < 0.04)
            {
                // Planted copy of a seed (possibly test) record.
                var src = seedRecords[rng.Next(seedRecords.Count)];
                (q, a, s) = (src.Question, src.Answer + " مع تمنياتي بالشفاء.", src.Specialty!);
            }
            else
            {
                (q, a, s) = Make();
            }

            var provider = providers[i % providers.Length];
            synthetic.Add(new QaRecord
            {
                Id = $"syn-{i:000000}", Question = q, Answer = a, Specialty = s, SpecialtyKey = s,
                Provenance = new Provenance(provider, provider == "offline" ? RecordKind.OfflineAugmented : RecordKind.LlmSynthetic, provider, provider + "-model", "v1", [], epoch.AddSeconds(i), null, "wi-" + i),
            });
        }

        return (seedRecords, synthetic);
    }

    private static IEnumerable<string> Split(string text) =>
        text.Split(['،', '.', '؟', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Split(' ').Length >= 3);
}
