// The audit of a curation run, computed from the decisions table (never from in-memory counters), so every number traces to records.
using System.Text.Json;
using Shifa.Core.Pii;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Reporting;

/// <summary>Counts per stage, reason and provider, thresholds, leakage and examples of one run.</summary>
public sealed record CurationReport
{
    /// <summary>Run id.</summary>
    public required long RunId { get; init; }

    /// <summary>Which records were curated.</summary>
    public required string Scope { get; init; }

    /// <summary>Records curated.</summary>
    public required int Targets { get; init; }

    /// <summary>Records kept by every stage.</summary>
    public required int Kept { get; init; }

    /// <summary>Records dropped by at least one stage.</summary>
    public int Dropped => Targets - Kept;

    /// <summary>Per stage, in chain order.</summary>
    public required IReadOnlyList<StageCounts> Stages { get; init; }

    /// <summary>Per provider.</summary>
    public required IReadOnlyList<ProviderCounts> Providers { get; init; }

    /// <summary>Records dropped by the leakage stage (copies of test records), by reason.</summary>
    public required IReadOnlyDictionary<string, int> Leakage { get; init; }

    /// <summary>The settings of the run (all thresholds).</summary>
    public required JsonElement Settings { get; init; }

    /// <summary>Up to three examples per (stage, reason).</summary>
    public required IReadOnlyList<DropExample> Examples { get; init; }

    /// <summary>Scores per stage (decided targets only), for the histograms.</summary>
    public required IReadOnlyDictionary<string, double[]> Scores { get; init; }

    /// <summary>Builds the report of run <paramref name="runId"/> from the workspace database.</summary>
    public static CurationReport Build(Workspace workspace, long runId)
    {
        using var c = workspace.OpenConnection();
        string configJson;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT config_json FROM curation_runs WHERE id = $r";
            cmd.Parameters.AddWithValue("$r", runId);
            configJson = cmd.ExecuteScalar() as string ?? throw new InvalidOperationException($"No curation run {runId} in {workspace.DatabasePath}.");
        }

        var options = JsonSerializer.Deserialize<CurationOptions>(configJson, CurationOptions.JsonOptions)!;
        var stages = new List<(string Stage, string Hash, double Seconds)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT stage, config_hash, seconds FROM curation_stage_runs WHERE run_id = $r ORDER BY position";
            cmd.Parameters.AddWithValue("$r", runId);
            using var rd = cmd.ExecuteReader();
            while (rd.Read())
            {
                stages.Add((rd.GetString(0), rd.GetString(1), rd.GetDouble(2)));
            }
        }

        var order = stages.Select((s, i) => (s.Stage, i)).ToDictionary(x => x.Stage, x => x.i, StringComparer.Ordinal);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = $"SELECT id, provider FROM records WHERE {CurationScope.SqlPredicate(options.Scope)}";
            using var rd = cmd.ExecuteReader();
            while (rd.Read())
            {
                targets[rd.GetString(0)] = rd.IsDBNull(1) ? "(real)" : rd.GetString(1);
            }
        }

        // Ids and reasons repeat once per stage: share one string instance each (a 100k-record run has 1M+ rows).
        var ids = targets.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<(string Id, int Stage, bool Keep, string Reason, double? Score)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT record_id, stage, keep, reason, score FROM decisions";
            using var rd = cmd.ExecuteReader();
            while (rd.Read())
            {
                if (ids.TryGetValue(rd.GetString(0), out var id) && order.TryGetValue(rd.GetString(1), out var pos))
                {
                    var reason = rd.GetString(3);
                    if (!reasons.TryGetValue(reason, out var shared))
                    {
                        reasons[reason] = shared = reason;
                    }

                    rows.Add((id, pos, rd.GetInt64(2) != 0, shared, rd.IsDBNull(4) ? null : rd.GetDouble(4)));
                }
            }
        }

        var firstDrop = rows.Where(r => !r.Keep).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Min(r => r.Stage), StringComparer.Ordinal);
        var stageCounts = stages.Select((s, i) =>
        {
            var mine = rows.Where(r => r.Stage == i).ToList();
            return new StageCounts(s.Stage, mine.Count, mine.Count(r => r.Keep), mine.Count(r => !r.Keep), firstDrop.Values.Count(v => v == i),
                mine.Where(r => !r.Keep).GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
                s.Seconds, s.Hash);
        }).ToList();
        var providers = targets.GroupBy(t => t.Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ProviderCounts(
            g.Key, g.Count(), g.Count(t => !firstDrop.ContainsKey(t.Key)),
            g.Where(t => firstDrop.ContainsKey(t.Key)).GroupBy(t => stages[firstDrop[t.Key]].Stage).ToDictionary(x => x.Key, x => x.Count()))).ToList();
        var leakage = order.TryGetValue("leakage", out var lp)
            ? rows.Where(r => r.Stage == lp && !r.Keep).GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => g.Count())
            : [];
        var scores = stages.Select((s, i) => (s.Stage, Values: rows.Where(r => r.Stage == i && r.Score is double v && double.IsFinite(v)).Select(r => r.Score!.Value).ToArray()))
            .Where(x => x.Values.Length > 0).ToDictionary(x => x.Stage, x => x.Values);
        return new CurationReport
        {
            RunId = runId,
            Scope = options.Scope,
            Targets = targets.Count,
            Kept = targets.Count - firstDrop.Count,
            Stages = stageCounts,
            Providers = providers,
            Leakage = leakage,
            Settings = JsonDocument.Parse(configJson).RootElement.Clone(),
            Examples = PickExamples(c, rows.Where(r => !r.Keep).Select(r => (r.Id, stages[r.Stage].Stage, r.Reason, r.Score)), targets),
            Scores = scores,
        };
    }

    private static List<DropExample> PickExamples(Microsoft.Data.Sqlite.SqliteConnection c, IEnumerable<(string Id, string Stage, string Reason, double? Score)> drops, Dictionary<string, string> providers)
    {
        var picked = drops.GroupBy(d => (d.Stage, d.Reason)).OrderBy(g => g.Key.Stage, StringComparer.Ordinal).ThenBy(g => g.Key.Reason, StringComparer.Ordinal)
            .SelectMany(g => g.OrderBy(d => d.Id, StringComparer.Ordinal).Take(3)).ToList();
        var list = new List<DropExample>();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT r.question, r.answer, m.other_id FROM records r LEFT JOIN curation_matches m ON m.record_id = r.id AND m.stage = $s WHERE r.id = $id";
        var ps = cmd.Parameters.Add("$s", Microsoft.Data.Sqlite.SqliteType.Text);
        var pid = cmd.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var d in picked)
        {
            ps.Value = d.Stage;
            pid.Value = d.Id;
            using var rd = cmd.ExecuteReader();
            if (rd.Read())
            {
                list.Add(new DropExample(d.Id, d.Stage, d.Reason, d.Score, rd.IsDBNull(2) ? null : rd.GetString(2), providers[d.Id], Excerpt(rd.GetString(0)), Excerpt(rd.GetString(1))));
            }
        }

        return list;
    }

    // Reports are shared: personal data found in dropped text is masked before it is shown.
    private static string Excerpt(string text)
    {
        var scrubbed = PiiScrubber.Scrub(text).Text.ReplaceLineEndings(" ");
        return scrubbed.Length <= 160 ? scrubbed : scrubbed[..160] + "…";
    }
}
