// Turns stored item scores into the results tables: means with bootstrap CIs, best per column, deltas with p-values.
using Shifa.Evaluation.Statistics;
using Shifa.Evaluation.Storage;

namespace Shifa.Evaluation.Reports;

/// <summary>Builds an <see cref="EvaluationReport"/> from item scores; systems are named <c>model/condition</c> in ablations.</summary>
public sealed record ReportBuilder
{
    /// <summary>Bootstrap resamples per interval.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Approximate-randomization shuffles per comparison.</summary>
    public int Trials { get; init; } = 10000;

    /// <summary>Seed of every resampling.</summary>
    public int Seed { get; init; } = Bootstrap.DefaultSeed;

    /// <summary>Significance level for marking deltas.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>
    /// Builds the report. Every system must have a score for the same records on every metric;
    /// a gap is an error naming the system, metric and count, never a silent drop.
    /// </summary>
    /// <param name="runId">Run.</param>
    /// <param name="title">Heading.</param>
    /// <param name="scores">Item scores of the run.</param>
    /// <param name="metrics">Metric columns, in order.</param>
    /// <param name="baselineCondition">Condition the deltas compare against (e.g. <c>original</c>); null for none.</param>
    public EvaluationReport Build(string runId, string title, IReadOnlyList<ItemScore> scores, IReadOnlyList<string> metrics, string? baselineCondition = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var systems = scores.Select(s => s.System).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (systems.Count == 0)
        {
            throw new InvalidOperationException($"Run '{runId}' has no item scores; run 'shifa evaluate run' first.");
        }

        var records = scores.Select(s => s.RecordId).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList();
        var values = new Dictionary<(string System, string Metric), double[]>();
        foreach (var system in systems)
        {
            foreach (var metric in metrics)
            {
                var byRecord = scores.Where(s => s.System == system && s.Metric == metric).ToDictionary(s => s.RecordId, s => s.Value, StringComparer.Ordinal);
                if (byRecord.Count != records.Count)
                {
                    throw new InvalidOperationException($"System '{system}' has {byRecord.Count} '{metric}' scores but the run has {records.Count} records; re-run scoring so every system covers the same test items.");
                }

                values[(system, metric)] = records.Select(r => byRecord[r]).ToArray();
            }
        }

        var intervals = values.ToDictionary(kv => kv.Key, kv => Bootstrap.MeanInterval(kv.Value, Resamples, Seed));
        var best = metrics.ToDictionary(m => m, m => systems.Max(s => intervals[(s, m)].Mean), StringComparer.Ordinal);
        var rows = systems.Select(s =>
        {
            var (model, condition) = Split(s);
            var cells = metrics.ToDictionary(
                m => m,
                m => new ReportCell(intervals[(s, m)].Mean, intervals[(s, m)].Lower, intervals[(s, m)].Upper, intervals[(s, m)].Mean == best[m]),
                StringComparer.Ordinal);
            return new ReportRow(model, condition, s, cells);
        }).ToList();

        var deltas = new List<DeltaRow>();
        if (baselineCondition is not null)
        {
            foreach (var row in rows.Where(r => r.Condition != baselineCondition))
            {
                var baseline = rows.FirstOrDefault(r => r.Model == row.Model && r.Condition == baselineCondition);
                if (baseline is null)
                {
                    continue;
                }

                var cells = metrics.ToDictionary(
                    m => m,
                    m =>
                    {
                        var t = Bootstrap.ApproximateRandomization(values[(baseline.System, m)], values[(row.System, m)], Trials, Seed);
                        return new DeltaCell(t.Delta, t.PValue, t.PValue < Alpha);
                    },
                    StringComparer.Ordinal);
                deltas.Add(new DeltaRow(row.Model, row.Condition, baselineCondition, cells));
            }
        }

        var signatures = metrics.ToDictionary(
            m => m,
            m => string.Join(" ; ", scores.Where(s => s.Metric == m).Select(s => s.Signature).Distinct(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        return new EvaluationReport(runId, title, metrics, rows, deltas, signatures, records.Count, Resamples, Trials, Seed, Alpha);
    }

    /// <summary>Splits <c>model/condition</c>; a name without a slash is a model with condition <c>-</c>.</summary>
    public static (string Model, string Condition) Split(string system)
    {
        var slash = system.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (system, "-") : (system[..slash], system[(slash + 1)..]);
    }
}
