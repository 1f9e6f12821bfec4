// API keys for the OpenAI-compatible endpoint: random 256-bit secrets shown once, stored as SHA-256.
using System.Security.Cryptography;
using System.Text;
using Shifa.Core.Storage;
using Shifa.Web.Storage;

namespace Shifa.Web.OpenAiApi;

/// <summary>Creates, verifies and revokes API keys in the workspace database.</summary>
public sealed class ApiKeyStore
{
    private const string Prefix = "sk-shifa-";
    private readonly Workspace _workspace;

    /// <summary>Opens the key store of <paramref name="workspace"/>.</summary>
    public ApiKeyStore(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _workspace = workspace;
        _workspace.EnsureSchema(WebSchema.Instance);
    }

    /// <summary>Creates a key named <paramref name="name"/>; returns its id and the secret, which is never stored.</summary>
    /// <param name="name">Who or what uses the key.</param>
    /// <param name="appendDisclaimer">
    /// False only for a machine consumer (e.g. Shifa's synthesis engine) whose output is data, not advice
    /// read by a person; urgent-care notices and the dose filter still apply to it.
    /// </param>
    public (string Id, string Secret) Create(string name, bool appendDisclaimer = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var id = "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO api_keys(id, name, key_hash, created_at, append_disclaimer) VALUES ($id, $n, $h, $t, $d)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$h", Hash(secret));
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
        cmd.Parameters.AddWithValue("$d", appendDisclaimer ? 1 : 0);
        cmd.ExecuteNonQuery();
        return (id, secret);
    }

    /// <summary>Returns the key for a presented secret, or null when unknown or revoked.</summary>
    public ApiKeyInfo? Verify(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, append_disclaimer FROM api_keys WHERE key_hash = $h AND revoked_at IS NULL";
        cmd.Parameters.AddWithValue("$h", Hash(secret));
        using var rd = cmd.ExecuteReader();
        return rd.Read() ? new ApiKeyInfo(rd.GetString(0), rd.GetString(1), rd.GetInt64(2) != 0) : null;
    }

    /// <summary>Revokes a key by id; returns false when no active key has that id.</summary>
    public bool Revoke(string id)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE api_keys SET revoked_at = $t WHERE id = $id AND revoked_at IS NULL";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
        return cmd.ExecuteNonQuery() == 1;
    }

    // Keys carry 256 random bits, so an unsalted fast hash is enough: there is nothing to guess.
    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
