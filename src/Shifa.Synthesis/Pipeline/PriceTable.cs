// The user-editable price table (samples/prices.json is the shipped copy, embedded as the default).
using System.Text.Json;

namespace Shifa.Synthesis.Pipeline;

/// <summary>Model prices by model id; a dated snapshot id (<c>gpt-4o-2024-08-06</c>) falls back to its longest listed prefix.</summary>
public sealed class PriceTable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Creates a table from prices by model id.</summary>
    public PriceTable(IReadOnlyDictionary<string, ModelPrice> models, string source)
    {
        Models = models;
        Source = source;
    }

    /// <summary>Prices by model id.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Models { get; }

    /// <summary>Where the table came from (a path, or <c>embedded</c>).</summary>
    public string Source { get; }

    /// <summary>The table shipped with Shifa (list prices of gpt-4o and gemini-2.5-pro).</summary>
    public static PriceTable Default()
    {
        using var s = typeof(PriceTable).Assembly.GetManifestResourceStream("Shifa.Synthesis.prices.json")
            ?? throw new InvalidOperationException("The embedded price table is missing from this Shifa build.");
        return Parse(s, "embedded");
    }

    /// <summary>Loads a price table file: <c>{ "models": { "gpt-4o": { "inputPerMTok": 2.5, ... } } }</c>.</summary>
    public static PriceTable Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Price table '{path}' not found; copy samples/prices.json and edit it.", path);
        }

        using var s = File.OpenRead(path);
        return Parse(s, path);
    }

    /// <summary>Price of a model, or null when the table lists neither the id nor a prefix of it.</summary>
    public ModelPrice? Find(string model)
    {
        if (Models.TryGetValue(model, out var exact))
        {
            return exact;
        }

        return Models.Where(kv => model.StartsWith(kv.Key + "-", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(kv => kv.Key.Length).Select(kv => kv.Value).FirstOrDefault();
    }

    private static PriceTable Parse(Stream s, string source)
    {
        try
        {
            var file = JsonSerializer.Deserialize<PriceFile>(s, Json);
            if (file?.Models is not { Count: > 0 } models)
            {
                throw new InvalidDataException($"Price table '{source}': field 'models' is missing or empty.");
            }

            return new PriceTable(new Dictionary<string, ModelPrice>(models, StringComparer.OrdinalIgnoreCase), source);
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"Price table '{source}' is not valid: {e.Message}", e);
        }
    }

    private sealed record PriceFile(Dictionary<string, ModelPrice>? Models);
}
