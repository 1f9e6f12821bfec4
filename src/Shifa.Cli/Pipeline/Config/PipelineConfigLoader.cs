// Loads a JSON or YAML pipeline config, validates it against the schema and the machine, and resolves paths.
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Shifa.Synthesis.Providers;

namespace Shifa.Cli.Pipeline.Config;

/// <summary>
/// Turns a configuration file into a <see cref="PipelineConfig"/>, or throws <see cref="ConfigException"/>
/// listing every problem (unknown keys, wrong types, missing files, providers without keys) before any work starts.
/// </summary>
public static class PipelineConfigLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<JsonNode> SchemaNode = new(() => JsonNode.Parse(SchemaText())!);
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText()));

    /// <summary>Preset base models that need no folder.</summary>
    public static IReadOnlySet<string> Presets { get; } = new HashSet<string>(StringComparer.Ordinal) { "shifa-tiny", "shifa-small" };

    /// <summary>The JSON Schema of the configuration file.</summary>
    public static string SchemaText()
    {
        using var s = typeof(PipelineConfigLoader).Assembly.GetManifestResourceStream("Shifa.Cli.shifa-config.schema.json")
            ?? throw new InvalidOperationException("The configuration schema resource is missing from this build.");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    /// <summary>Loads and validates <paramref name="path"/>. <paramref name="environment"/> defaults to the process environment.</summary>
    /// <param name="path">Configuration file.</param>
    /// <param name="environment">Environment lookup for API key variables.</param>
    /// <param name="warnings">
    /// When given, problems with resources that only a real run needs (API keys, model and encoder folders)
    /// are added here instead of failing, so <c>--dry-run</c> can plan and price a configuration on a machine
    /// that does not have them.
    /// </param>
    public static PipelineConfig Load(string path, Func<string, string?>? environment = null, ICollection<ConfigError>? warnings = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var file = Path.GetFullPath(path);
        if (!File.Exists(file))
        {
            throw new ConfigException([new ConfigError(file, "", "the configuration file does not exist", "pass --config with the path of a JSON or YAML file, e.g. samples/quickstart.json")]);
        }

        var text = File.ReadAllText(file);
        JsonNode? node;
        try
        {
            node = Path.GetExtension(file).ToLowerInvariant() is ".yaml" or ".yml"
                ? YamlToJson.Convert(text)
                : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw new ConfigException([new ConfigError(file, "", "the file is not valid JSON/YAML: " + e.Message, "fix the syntax at the position given")]);
        }

        if (node is not JsonObject)
        {
            throw new ConfigException([new ConfigError(file, "", "the configuration must be an object", "start the file with { \"seed\": { \"path\": ... } }")]);
        }

        var errors = new List<ConfigError>();
        UnknownKeys(file, node, SchemaNode.Value, "", errors);
        SchemaErrors(file, node, errors);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }

        var config = node.Deserialize<PipelineConfig>(Json)!;
        config = Resolve(config, Path.GetDirectoryName(file)!);
        var resources = new List<ConfigError>();
        SemanticChecks(file, config, environment, errors, resources);
        if (warnings is null)
        {
            errors.AddRange(resources);
        }
        else
        {
            foreach (var w in resources)
            {
                warnings.Add(w);
            }
        }

        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }

        return config;
    }

    private static void SchemaErrors(string file, JsonNode node, List<ConfigError> errors)
    {
        var result = Schema.Value.Evaluate(JsonDocument.Parse(node.ToJsonString()).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return;
        }

        foreach (var d in result.Details ?? [])
        {
            foreach (var (keyword, message) in d.Errors ?? new Dictionary<string, string>())
            {
                if (keyword is "additionalProperties" or "false")
                {
                    continue; // reported with the allowed keys by UnknownKeys
                }

                var pointer = d.InstanceLocation.ToString();
                if (errors.Any(e => e.Key == pointer && (e.Message == message || e.Message.StartsWith("unknown key", StringComparison.Ordinal))))
                {
                    continue;
                }

                errors.Add(new ConfigError(file, pointer, message, FixFor(pointer)));
            }
        }
    }

    private static string FixFor(string pointer)
    {
        var schema = SchemaAt(pointer);
        var description = schema?["description"]?.GetValue<string>();
        var type = schema?["type"]?.ToJsonString() ?? schema?["enum"]?.ToJsonString();
        return (type is null ? "see samples/shifa-config.schema.json" : $"use a value of {type}") + (description is null ? "" : $" ({description})");
    }

    private static JsonNode? SchemaAt(string pointer)
    {
        JsonNode? s = SchemaNode.Value;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            s = int.TryParse(part, out _) ? s?["items"] : s?["properties"]?[part];
        }

        return s;
    }

    private static void UnknownKeys(string file, JsonNode? node, JsonNode? schema, string pointer, List<ConfigError> errors)
    {
        if (schema is null)
        {
            return;
        }

        if (node is JsonObject obj && schema["properties"] is JsonObject props)
        {
            foreach (var (key, value) in obj)
            {
                if (!props.ContainsKey(key))
                {
                    if (schema["additionalProperties"] is JsonValue v && !v.GetValue<bool>())
                    {
                        var allowed = string.Join(", ", props.Select(p => p.Key).Where(k => k != "$schema"));
                        var near = props.Select(p => p.Key).OrderBy(k => Distance(k, key)).First();
                        errors.Add(new ConfigError(file, $"{pointer}/{key}", $"unknown key '{key}'",
                            $"did you mean '{near}'? Allowed keys here: {allowed}"));
                    }

                    continue;
                }

                UnknownKeys(file, value, props[key], $"{pointer}/{key}", errors);
            }
        }
        else if (node is JsonArray arr && schema["items"] is JsonNode items)
        {
            for (var i = 0; i < arr.Count; i++)
            {
                UnknownKeys(file, arr[i], items, $"{pointer}/{i}", errors);
            }
        }
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }

    private static PipelineConfig Resolve(PipelineConfig c, string dir)
    {
        string Abs(string p) => Path.GetFullPath(Path.IsPathRooted(p) ? p : Path.Combine(dir, p));
        return c with
        {
            Seed = c.Seed with { Path = Abs(c.Seed.Path) },
            Synthesis = c.Synthesis with { ProvidersFile = c.Synthesis.ProvidersFile is { } pf ? Abs(pf) : null },
            Models = c.Models.Select(m => Presets.Contains(m.Base) ? m : m with { Base = Abs(m.Base) }).ToList(),
            Evaluation = c.Evaluation.BertScore is { } b
                ? c.Evaluation with
                {
                    BertScore = b with
                    {
                        Model = b.Model is { } bm ? Abs(bm) : null,
                        Baseline = b.Baseline is { } bl ? Abs(bl) : null,
                    },
                }
                : c.Evaluation,
        };
    }

    private static void SemanticChecks(string file, PipelineConfig c, Func<string, string?> env, List<ConfigError> errors, List<ConfigError> resources)
    {
        if (!File.Exists(c.Seed.Path))
        {
            errors.Add(new ConfigError(file, "/seed/path", $"seed file '{c.Seed.Path}' does not exist", "point seed.path at your CSV/TSV/JSONL/XLSX/Parquet file (relative to the config file's folder)"));
        }

        if (c.Synthesis.ProvidersFile is { } pf && !File.Exists(pf))
        {
            errors.Add(new ConfigError(file, "/synthesis/providersFile", $"providers file '{pf}' does not exist", "create it (see samples/providers.example.json) or remove the key"));
        }

        ProvidersFile? providers = null;
        try
        {
            providers = c.Synthesis.ProvidersFile is { } path && File.Exists(path) ? ProvidersFile.Load(path) : ProvidersFile.Default;
        }
        catch (InvalidDataException e)
        {
            errors.Add(new ConfigError(file, "/synthesis/providersFile", e.Message, "fix the providers file (see samples/providers.example.json)"));
        }

        for (var i = 0; providers is not null && i < c.Synthesis.Providers.Count; i++)
        {
            var p = c.Synthesis.Providers[i];
            var settings = providers.Providers.FirstOrDefault(s => string.Equals(s.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            if (settings is null)
            {
                errors.Add(new ConfigError(file, $"/synthesis/providers/{i}/name", $"unknown provider '{p.Name}'",
                    $"use one of {string.Join(", ", providers.Providers.Select(s => s.Name))}, or define it in the providers file"));
            }
            else if (settings.Kind is ProviderKind.OpenAI or ProviderKind.Gemini && c.Synthesis.BudgetUsd is null && p.BudgetUsd is null)
            {
                errors.Add(new ConfigError(file, "/synthesis/budgetUsd", $"provider '{p.Name}' is paid but no budget is set",
                    "set synthesis.budgetUsd to the most you are willing to spend (see the estimate from shifa run --dry-run)"));
            }

            if (settings?.ApiKeyEnv is { Length: > 0 } variable && string.IsNullOrEmpty(env(variable)))
            {
                resources.Add(new ConfigError(file, $"/synthesis/providers/{i}/name", $"provider '{p.Name}' needs an API key but {variable} is not set",
                    $"export {variable}=... before running, or use the offline provider (name: \"offline\")"));
            }
        }

        var providerNames = c.Synthesis.Providers.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < c.Conditions.Count; i++)
        {
            foreach (var part in c.Conditions[i].Split('+').Skip(1))
            {
                if (!providerNames.Contains(part))
                {
                    errors.Add(new ConfigError(file, $"/conditions/{i}", $"condition '{c.Conditions[i]}' mixes in '{part}', which synthesis does not produce",
                        $"add a provider named '{part}' to synthesis.providers or remove '+{part}'"));
                }
            }
        }

        for (var i = 0; i < c.Models.Count; i++)
        {
            var m = c.Models[i];
            if (!Presets.Contains(m.Base) && !File.Exists(Path.Combine(m.Base, "config.json")))
            {
                resources.Add(new ConfigError(file, $"/models/{i}/base", $"'{m.Base}' is neither a preset ({string.Join(", ", Presets)}) nor a model folder with config.json",
                    "use shifa-tiny / shifa-small, or the path of a Hugging Face model folder"));
            }
        }

        if (c.Models.Select(m => m.Name).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            errors.Add(new ConfigError(file, "/models", $"model name '{dup.Key}' is used twice", "give every model a distinct name"));
        }

        if (c.Evaluation.Metrics.Contains("bertscore") && c.Evaluation.BertScore?.Model is not { } bert)
        {
            errors.Add(new ConfigError(file, "/evaluation/metrics", "bertscore needs an encoder but evaluation.bertscore.model is not set",
                "set evaluation.bertscore.model to a BERT folder (e.g. bert-base-multilingual-cased) or drop bertscore"));
        }
        else if (c.Evaluation.BertScore?.Model is { } bm && !File.Exists(Path.Combine(bm, "config.json")))
        {
            resources.Add(new ConfigError(file, "/evaluation/bertscore/model", $"'{bm}' has no config.json", "point it at a Hugging Face BERT folder"));
        }

        try
        {
            var embedder = Stages.CurateStage.Embedder(c.Curation, file);
            if (embedder.Kind == "onnx" && !Directory.Exists(embedder.ModelPath))
            {
                resources.Add(new ConfigError(file, "/curation/embedder", $"ONNX embedder folder '{embedder.ModelPath}' does not exist",
                    "point curation.embedder at a folder with model.onnx (relative to the config file's folder), or use builtin / openai:MODEL"));
            }
            else if (embedder.Kind == "openai" && string.IsNullOrEmpty(env(embedder.ApiKeyVariable)))
            {
                resources.Add(new ConfigError(file, "/curation/embedder", $"the openai embedder needs an API key but {embedder.ApiKeyVariable} is not set",
                    $"export {embedder.ApiKeyVariable}=... before running, or use curation.embedder = builtin"));
            }
        }
        catch (InvalidDataException e)
        {
            errors.Add(new ConfigError(file, "/curation/embedder", e.Message, "use builtin, openai:MODEL, an ONNX model folder, or an object with kind hashed, onnx or openai"));
        }

        if (c.Split.Val + c.Split.Test >= 0.9)
        {
            errors.Add(new ConfigError(file, "/split", "val + test leave almost nothing for training", "keep val + test below 0.9"));
        }
    }
}
