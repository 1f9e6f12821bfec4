// `shifa synthesize status`: per-provider progress, tokens, cost, error kinds and latency percentiles.
using System.Globalization;
using Shifa.Synthesis.Storage;

namespace Shifa.Synthesis.Status;

/// <summary>Reads per-provider statistics from the synthesis tables.</summary>
public static class SynthesisStatus
{
    /// <summary>Statistics of every provider that has items, responses or spend in the workspace.</summary>
    public static List<ProviderStats> Read(SynthesisStore store)
    {
        using var c = store.Workspace.OpenConnection();
        var providers = Strings(c, "SELECT provider FROM synth_items UNION SELECT provider FROM synth_responses UNION SELECT provider FROM spend ORDER BY 1");
        var result = new List<ProviderStats>();
        foreach (var p in providers)
        {
            var counts = store.CountItems(p);
            long Long(string sql) => Convert.ToInt64(Scalar(c, sql, p), CultureInfo.InvariantCulture);
            decimal Money(string sql) => (decimal)Convert.ToDouble(Scalar(c, sql, p), CultureInfo.InvariantCulture);

            var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var k in Strings(c, "SELECT error_kind FROM synth_responses WHERE provider = $p AND error_kind IS NOT NULL", p))
            {
                kinds[k] = kinds.GetValueOrDefault(k) + 1;
            }

            foreach (var list in Strings(c, "SELECT retried FROM synth_responses WHERE provider = $p AND retried IS NOT NULL", p))
            {
                foreach (var k in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var key = k + " (retried)";
                    kinds[key] = kinds.GetValueOrDefault(key) + 1;
                }
            }

            var latencies = Strings(c, "SELECT latency_ms FROM synth_responses WHERE provider = $p AND latency_ms IS NOT NULL AND outcome <> 'error' ORDER BY latency_ms", p)
                .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
            result.Add(new ProviderStats(
                p, counts[Engine.ItemStatus.Done], counts[Engine.ItemStatus.Failed], counts[Engine.ItemStatus.Pending],
                Long("SELECT COUNT(*) FROM records WHERE provider = $p AND kind <> 0"),
                Long("SELECT COUNT(*) FROM synth_responses WHERE provider = $p"),
                Long("SELECT COALESCE(SUM(input_tokens), 0) FROM synth_responses WHERE provider = $p"),
                Long("SELECT COALESCE(SUM(MAX(COALESCE(output_tokens, 0), COALESCE(total_tokens, 0) - COALESCE(input_tokens, 0))), 0) FROM synth_responses WHERE provider = $p"),
                Money("SELECT COALESCE(SUM(cost_usd), 0) FROM synth_responses WHERE provider = $p"),
                Money("SELECT COALESCE(SUM(amount_usd), 0) FROM spend WHERE provider = $p"),
                kinds, Percentile(latencies, 0.50), Percentile(latencies, 0.95)));
        }

        return result;
    }

    /// <summary>Nearest-rank percentile of sorted values; null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static object? Scalar(Microsoft.Data.Sqlite.SqliteConnection c, string sql, string p)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$p", p);
        return cmd.ExecuteScalar();
    }

    private static List<string> Strings(Microsoft.Data.Sqlite.SqliteConnection c, string sql, string? p = null)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        if (p is not null)
        {
            cmd.Parameters.AddWithValue("$p", p);
        }

        using var rd = cmd.ExecuteReader();
        var list = new List<string>();
        while (rd.Read())
        {
            list.Add(Convert.ToString(rd.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return list;
    }
}
