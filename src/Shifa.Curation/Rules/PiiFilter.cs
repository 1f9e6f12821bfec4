// Stage "pii": personal data (phones, e-mails, ids...) found by Core's scrubber.
using Shifa.Core.Pii;
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>Drops records in which <see cref="PiiScrubber"/> finds personal data; the reason names the most frequent kind, the score counts all findings.</summary>
public sealed class PiiFilter(CurationOptions options) : RecordRule
{
    /// <inheritdoc />
    public override StageIdentity Identity { get; } = StageIdentity.Of("pii", FilterScope.PerRecord, "v1", new { options.DropOnPii });

    /// <inheritdoc />
    public override FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer)
    {
        var counts = new Dictionary<string, int>();
        foreach (var text in (string[])[record.Question, record.Answer])
        {
            foreach (var (kind, n) in PiiScrubber.Scrub(text).Counts)
            {
                if (n > 0)
                {
                    counts[kind.ToString()] = counts.GetValueOrDefault(kind.ToString()) + n;
                }
            }
        }

        var total = counts.Values.Sum();
        if (total == 0 || !options.DropOnPii)
        {
            return new FilterDecision(record.Id, true, total == 0 ? "ok" : "pii-allowed", total);
        }

        var top = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        return FilterDecision.Drop(record.Id, "pii-" + top.ToLowerInvariant(), total);
    }
}
