// Stable content hashes used for record ids, work item ids and manifests.
using System.Security.Cryptography;
using System.Text;

namespace Shifa.Core.Hashing;

/// <summary>Hex SHA-256 hashes of strings, joined with an unambiguous separator.</summary>
public static class ContentHash
{
    /// <summary>Full lower-case hex SHA-256 of the parts joined by U+001F (unit separator).</summary>
    public static string Of(params string?[] parts)
    {
        var joined = string.Join('\u001f', parts.Select(p => p ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    /// <summary>The first <paramref name="length"/> hex characters of <see cref="Of"/>, for ids.</summary>
    public static string Short(int length, params string?[] parts) => Of(parts)[..length];

    /// <summary>Hex SHA-256 of a file's bytes.</summary>
    public static string OfFile(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}
