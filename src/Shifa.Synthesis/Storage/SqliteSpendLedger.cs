// The spend ledger in shifa.db: a reservation row before each request, settled to the actual cost after.
using Microsoft.Data.Sqlite;
using Shifa.Core.Storage;
using Shifa.Synthesis.Pipeline;

namespace Shifa.Synthesis.Storage;

/// <summary>
/// Persists spend so a killed run cannot lose track of money: a reservation left unsettled by a kill
/// still counts (at its worst case) toward the budget of every later run.
/// </summary>
public sealed class SqliteSpendLedger(Workspace workspace) : ISpendLedger
{
    /// <inheritdoc />
    public void Reserve(string id, string provider, string? model, decimal amountUsd) =>
        Execute("INSERT INTO spend(id, provider, model, state, amount_usd, created_at) VALUES ($id, $p, $m, 'reserved', $a, $now)",
            ("$id", id), ("$p", provider), ("$m", model), ("$a", (double)amountUsd), ("$now", DateTimeOffset.UtcNow.ToString("O")));

    /// <inheritdoc />
    public void Settle(string id, decimal amountUsd) =>
        Execute("UPDATE spend SET state = 'settled', amount_usd = $a, settled_at = $now WHERE id = $id",
            ("$id", id), ("$a", (double)amountUsd), ("$now", DateTimeOffset.UtcNow.ToString("O")));

    /// <summary>Total recorded for <paramref name="provider"/>: settled costs plus reservations never settled.</summary>
    public decimal Total(string provider)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(SUM(amount_usd), 0) FROM spend WHERE provider = $p";
        cmd.Parameters.AddWithValue("$p", provider);
        return (decimal)Convert.ToDouble(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Total recorded for all providers together: settled costs plus reservations never settled.</summary>
    public decimal Total()
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(SUM(amount_usd), 0) FROM spend";
        return (decimal)Convert.ToDouble(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql, params (string Name, object? Value)[] ps)
    {
        using var c = workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in ps)
        {
            cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        }

        cmd.ExecuteNonQuery();
    }
}
