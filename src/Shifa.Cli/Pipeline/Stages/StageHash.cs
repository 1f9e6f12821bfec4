using System.Text.Json;
using Shifa.Core.Hashing;

namespace Shifa.Cli.Pipeline.Stages;

/// <summary>Hashes of configuration slices: the canonical JSON of the objects a stage depends on.</summary>
internal static class StageHash
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(params object?[] parts) => ContentHash.Of(parts.Select(p => JsonSerializer.Serialize(p, Json)).ToArray());

    public static string Outputs(object summary) => JsonSerializer.Serialize(summary, Json);
}
