// Reads the providers file; the embedded defaults (openai, gemini, offline) apply when there is none.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shifa.Synthesis.Providers;

/// <summary>The set of configured providers.</summary>
public sealed class ProvidersFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(new KebabEnumNaming()) },
    };

    /// <summary>Creates a set from entries.</summary>
    public ProvidersFile(IReadOnlyList<ProviderSettings> providers, string source)
    {
        Providers = providers;
        Source = source;
    }

    /// <summary>Entries.</summary>
    public IReadOnlyList<ProviderSettings> Providers { get; }

    /// <summary>Path read, or <c>embedded</c>.</summary>
    public string Source { get; }

    /// <summary>Defaults: <c>offline</c>, <c>openai</c> (gpt-4o, OPENAI_API_KEY), <c>gemini</c> (gemini-2.5-pro, GEMINI_API_KEY).</summary>
    public static ProvidersFile Default { get; } = new(
    [
        new ProviderSettings { Name = "offline", Kind = ProviderKind.Offline },
        new ProviderSettings { Name = "openai", Kind = ProviderKind.OpenAI, ApiKeyEnv = "OPENAI_API_KEY", RequestsPerMinute = 500, TokensPerMinute = 30000 },
        new ProviderSettings { Name = "gemini", Kind = ProviderKind.Gemini, ApiKeyEnv = "GEMINI_API_KEY", RequestsPerMinute = 150, MaxOutputTokens = 16384 },
    ], "embedded");

    /// <summary>Loads a providers file; <c>offline</c> is always available even when the file omits it.</summary>
    public static ProvidersFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Providers file '{path}' not found; start from samples/providers.example.json.", path);
        }

        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Providers file '{path}', line {e.LineNumber + 1}: {e.Message}", e);
        }

        if (wire?.Providers is not { Count: > 0 } list)
        {
            throw new InvalidDataException($"Providers file '{path}': field 'providers' is missing or empty.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i].Name))
            {
                throw new InvalidDataException($"Providers file '{path}': providers[{i}].name is missing.");
            }
        }

        var dup = list.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new InvalidDataException($"Providers file '{path}': provider name '{dup.Key}' appears twice.");
        }

        if (!list.Any(p => p.Kind == ProviderKind.Offline))
        {
            list.Insert(0, new ProviderSettings { Name = "offline", Kind = ProviderKind.Offline });
        }

        return new ProvidersFile(list, path);
    }

    /// <summary>The entry named <paramref name="name"/>.</summary>
    public ProviderSettings Get(string name) =>
        Providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No provider '{name}' in {Source}. Known: {string.Join(", ", Providers.Select(p => p.Name))}.", nameof(name));

    private sealed record Wire(List<ProviderSettings>? Providers);

    private sealed class KebabEnumNaming : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name switch
        {
            "OpenAI" => "openai",
            "OpenAICompatible" => "openai-compatible",
            _ => name.ToLowerInvariant(),
        };
    }
}
