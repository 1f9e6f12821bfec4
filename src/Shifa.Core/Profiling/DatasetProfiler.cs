// Computes a DatasetProfile from records: one parallel pass for per-record measures, then aggregation.
using Shifa.Core.Arabic;
using Shifa.Core.Pii;
using Shifa.Core.Records;

namespace Shifa.Core.Profiling;

/// <summary>Computes <see cref="DatasetProfile"/>s.</summary>
public static class DatasetProfiler
{
    private sealed record Measures(
        int QuestionChars, int QuestionWords, int AnswerChars, int AnswerWords, double QuestionRatio, double AnswerRatio,
        string Dialect, string QuestionKey, string AnswerKey, Dictionary<PiiKind, int> Pii);

    /// <summary>Profiles <paramref name="records"/>; <paramref name="now"/> stamps <see cref="DatasetProfile.GeneratedAt"/> (defaults to the current UTC time).</summary>
    public static DatasetProfile Compute(IReadOnlyList<QaRecord> records, DateTimeOffset? now = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var measures = new Measures[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { CancellationToken = ct }, i => measures[i] = Measure(records[i]));

        var questionKeys = new HashSet<string>(StringComparer.Ordinal);
        var pairKeys = new HashSet<(string, string)>();
        var pii = Enum.GetValues<PiiKind>().ToDictionary(k => k, _ => 0);
        var recordsWithPii = 0;
        foreach (var m in measures)
        {
            questionKeys.Add(m.QuestionKey);
            pairKeys.Add((m.QuestionKey, m.AnswerKey));
            foreach (var (kind, hits) in m.Pii)
            {
                pii[kind] += hits;
            }

            recordsWithPii += m.Pii.Count > 0 ? 1 : 0;
        }

        var n = records.Count;
        double Rate(int distinct) => n == 0 ? 0 : Math.Round((double)(n - distinct) / n, 4);
        return new DatasetProfile(
            DatasetProfile.CurrentSchemaVersion,
            (now ?? DateTimeOffset.UtcNow).ToUniversalTime(),
            n,
            Sorted(Enum.GetValues<RecordKind>().ToDictionary(k => k.ToString(), k => records.Count(r => r.Provenance.Kind == k))),
            Sorted(records.GroupBy(r => r.Provenance.Source).ToDictionary(g => g.Key, g => g.Count())),
            Specialties(records),
            new LengthProfile(
                Distribution.Of([.. measures.Select(m => (double)m.QuestionChars)], Distribution.CharEdges),
                Distribution.Of([.. measures.Select(m => (double)m.QuestionWords)], Distribution.WordEdges)),
            new LengthProfile(
                Distribution.Of([.. measures.Select(m => (double)m.AnswerChars)], Distribution.CharEdges),
                Distribution.Of([.. measures.Select(m => (double)m.AnswerWords)], Distribution.WordEdges)),
            Sorted(Dialects(measures)),
            Distribution.Of([.. measures.Select(m => Math.Round(m.QuestionRatio, 4))], Distribution.RatioEdges),
            Distribution.Of([.. measures.Select(m => Math.Round(m.AnswerRatio, 4))], Distribution.RatioEdges),
            new DuplicateProfile(questionKeys.Count, Rate(questionKeys.Count), pairKeys.Count, Rate(pairKeys.Count)),
            new PiiProfile(Sorted(pii.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value)), recordsWithPii));
    }

    private static Measures Measure(QaRecord r)
    {
        var q = PiiScrubber.Scrub(r.Question);
        var a = PiiScrubber.Scrub(r.Answer);
        var pii = new Dictionary<PiiKind, int>();
        foreach (var (kind, n) in q.Counts.Concat(a.Counts))
        {
            pii[kind] = pii.GetValueOrDefault(kind) + n;
        }

        // A stored dialect outside the five labels still counts, under its own name, rather than vanishing.
        var dialect = r.Dialect ?? DialectEstimator.Estimate(r.Question).Dialect;
        return new Measures(
            r.Question.Length, ArabicWordTokenizer.CountWords(r.Question), r.Answer.Length, ArabicWordTokenizer.CountWords(r.Answer),
            ArabicScript.Ratio(r.Question), ArabicScript.Ratio(r.Answer), dialect,
            ArabicNormalizer.ForMatching.Normalize(r.Question), ArabicNormalizer.ForMatching.Normalize(r.Answer), pii);
    }

    private static Dictionary<string, int> Dialects(Measures[] measures)
    {
        var counts = DialectEstimator.Dialects.ToDictionary(d => d, _ => 0);
        foreach (var m in measures)
        {
            counts[m.Dialect] = counts.GetValueOrDefault(m.Dialect) + 1;
        }

        return counts;
    }

    private static List<SpecialtyShare> Specialties(IReadOnlyList<QaRecord> records)
    {
        var total = Math.Max(1, records.Count);
        return [.. records
            .GroupBy(r => r.SpecialtyKey ?? r.Specialty?.Trim() ?? "(none)", StringComparer.Ordinal)
            .Select(g => new SpecialtyShare(
                g.Key,
                g.Where(r => r.Specialty is not null).GroupBy(r => r.Specialty!.Trim()).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key).FirstOrDefault() ?? g.Key,
                g.Count(),
                Math.Round((double)g.Count() / total, 4)))
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    private static SortedDictionary<string, int> Sorted(Dictionary<string, int> d) => new(d, StringComparer.Ordinal);
}
