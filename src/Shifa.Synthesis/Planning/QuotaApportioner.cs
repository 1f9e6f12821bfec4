// Largest-remainder (Hamilton) apportionment: integer quotas that sum exactly to the total.
namespace Shifa.Synthesis.Planning;

internal static class QuotaApportioner
{
    public static Dictionary<string, int> Apportion(IReadOnlyDictionary<string, double> weights, int total)
    {
        var sum = weights.Values.Sum();
        var exact = weights.ToDictionary(kv => kv.Key, kv => kv.Value / sum * total, StringComparer.Ordinal);
        var quotas = exact.ToDictionary(kv => kv.Key, kv => (int)Math.Floor(kv.Value), StringComparer.Ordinal);
        var left = total - quotas.Values.Sum();
        // Ties go to the ordinal-first key so the result never depends on dictionary order.
        foreach (var key in exact.OrderByDescending(kv => kv.Value - Math.Floor(kv.Value)).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).Take(left))
        {
            quotas[key]++;
        }

        return quotas;
    }

    /// <summary>Raises every share to at least <paramref name="floor"/> and renormalises; uniform when the floor cannot be met.</summary>
    public static Dictionary<string, double> Flatten(IReadOnlyDictionary<string, double> shares, double floor)
    {
        if (floor * shares.Count >= 1)
        {
            return shares.ToDictionary(kv => kv.Key, _ => 1.0 / shares.Count, StringComparer.Ordinal);
        }

        var raised = shares.ToDictionary(kv => kv.Key, kv => Math.Max(kv.Value, floor), StringComparer.Ordinal);
        var sum = raised.Values.Sum();
        return raised.ToDictionary(kv => kv.Key, kv => kv.Value / sum, StringComparer.Ordinal);
    }
}
