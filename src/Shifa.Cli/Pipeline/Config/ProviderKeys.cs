// Which environment variable holds each provider's API key; keys themselves are never read into the config.
using System.Text.Json.Nodes;

namespace Shifa.Cli.Pipeline.Config;

/// <summary>Knows the built-in providers and those declared in a providers file.</summary>
internal static class ProviderKeys
{
    private static readonly Dictionary<string, string?> BuiltIn = new(StringComparer.Ordinal)
    {
        ["offline"] = null,
        ["openai"] = "OPENAI_API_KEY",
        ["gemini"] = "GEMINI_API_KEY",
    };

    public static bool IsKnown(string name, string? providersFile) =>
        BuiltIn.ContainsKey(name) || Declared(providersFile).ContainsKey(name);

    public static string? KeyVariable(string name, string? providersFile)
    {
        if (Declared(providersFile).TryGetValue(name, out var v))
        {
            return v;
        }

        return BuiltIn.GetValueOrDefault(name);
    }

    // A providers file is { "providers": { "name": { "apiKeyEnv": "VAR", ... } } } or { "providers": [ { "name": ..., "apiKeyEnv": ... } ] }.
    private static Dictionary<string, string?> Declared(string? providersFile)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (providersFile is null || !File.Exists(providersFile))
        {
            return result;
        }

        var root = JsonNode.Parse(File.ReadAllText(providersFile));
        var providers = root?["providers"];
        if (providers is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                result[k] = v?["apiKeyEnv"]?.GetValue<string>();
            }
        }
        else if (providers is JsonArray a)
        {
            foreach (var p in a)
            {
                if (p?["name"]?.GetValue<string>() is { } n)
                {
                    result[n] = p["apiKeyEnv"]?.GetValue<string>();
                }
            }
        }

        return result;
    }
}
