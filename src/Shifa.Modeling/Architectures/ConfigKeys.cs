// Typed access to config.json keys with errors that name the file and the key.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shifa.Modeling.Architectures;

internal sealed class ConfigKeys(JsonObject root, string source)
{
    public string String(string key) => Get(key) is JsonValue v && v.TryGetValue(out string? s)
        ? s : throw Bad(key, "a string");

    public int Int(string key) => OptionalInt(key) ?? throw Bad(key, "an integer");

    public int? OptionalInt(string key) => Get(key) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int i) => i,
        // Some configs list several EOS ids; the first is the one generation stops on by default.
        JsonArray { Count: > 0 } a when a[0] is JsonValue f && f.TryGetValue(out int first) => first,
        _ => throw Bad(key, "an integer"),
    };

    public double? OptionalDouble(string key) => Get(key) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => throw Bad(key, "a number"),
    };

    public bool? OptionalBool(string key) => Get(key) switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out bool b) => b,
        _ => throw Bad(key, "true or false"),
    };

    private JsonNode? Get(string key) => root.TryGetPropertyValue(key, out var node) ? node : null;

    private InvalidDataException Bad(string key, string expected) =>
        new($"{source}: key '{key}' must be {expected}" + (root.ContainsKey(key) ? $", got {root[key]?.ToJsonString() ?? "null"}." : " and is missing."));
}
