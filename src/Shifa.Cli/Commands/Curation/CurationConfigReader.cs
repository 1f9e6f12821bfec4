// Reads curation settings for `shifa curate` and `shifa run` alike, so both accept the same embedder forms.
using System.Text.Json;
using System.Text.Json.Nodes;
using Shifa.Cli.Pipeline.Config;
using Shifa.Curation.Pipeline;

namespace Shifa.Cli.Commands.Curation;

/// <summary>
/// Curation settings from a file (a <see cref="CurationOptions"/> object, or a whole Shifa config whose
/// <c>curation</c> section is used; JSON or YAML) and the embedder in either of its two forms: the string
/// shorthand (<c>builtin</c>, <c>openai:MODEL</c>, an ONNX model folder) or the <c>embedder</c> object.
/// Relative ONNX folders are resolved against the file's folder, as every path of a Shifa config is.
/// </summary>
internal static class CurationConfigReader
{
    private const string OpenAiPrefix = "openai:";
    private const string OnnxPrefix = "onnx:";

    /// <summary>Loads and validates the curation settings of <paramref name="path"/>.</summary>
    public static CurationOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Curation config '{path}' does not exist.", path);
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        JsonNode? root;
        try
        {
            var text = File.ReadAllText(path);
            root = Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml"
                ? YamlToJson.Convert(text)
                : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            throw new InvalidDataException($"{path}: not valid JSON/YAML: {e.Message}", e);
        }

        if (root is not JsonObject obj)
        {
            throw new InvalidDataException($"{path}: expected an object (the curation settings or a Shifa config with a 'curation' section).");
        }

        JsonObject section;
        if (obj["curation"] is { } node)
        {
            section = node as JsonObject ?? throw new InvalidDataException($"{path}: 'curation' must be an object.");
        }
        else if (obj.ContainsKey("seed") || obj.ContainsKey("synthesis") || obj.ContainsKey("models"))
        {
            // A whole pipeline config without a curation section means "use the defaults", not "everything unknown".
            return new CurationOptions().Validated(path);
        }
        else
        {
            section = obj;
        }

        section = (JsonObject)section.DeepClone();
        var embedder = section["embedder"];
        section.Remove("embedder");
        CurationOptions options;
        try
        {
            options = section.Deserialize<CurationOptions>(CurationOptions.JsonOptions) ?? new CurationOptions();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: curation config is invalid at {e.Path}: {e.Message}", e);
        }

        return (options with { Embedder = Embedder(embedder, dir, path) }).Validated(path);
    }

    /// <summary>
    /// The embedder of <paramref name="node"/>: null for the built-in one, a string shorthand, or an
    /// <see cref="EmbedderOptions"/> object. <paramref name="baseDir"/> anchors relative ONNX folders;
    /// <paramref name="source"/> names the file in errors.
    /// </summary>
    public static EmbedderOptions Embedder(JsonNode? node, string baseDir, string source)
    {
        switch (node)
        {
            case null:
                return new EmbedderOptions();
            case JsonValue v when v.TryGetValue<string>(out var text):
                return Shorthand(text, baseDir, source);
            case JsonObject o:
                EmbedderOptions e;
                try
                {
                    e = o.Deserialize<EmbedderOptions>(CurationOptions.JsonOptions) ?? new EmbedderOptions();
                }
                catch (JsonException x)
                {
                    throw new InvalidDataException($"{source}: 'embedder' is invalid at {x.Path}: {x.Message}", x);
                }

                return e.ModelPath is { Length: > 0 } p ? e with { ModelPath = Resolve(p, baseDir) } : e;
            default:
                throw new InvalidDataException(
                    $"{source}: 'embedder' must be a string (builtin, openai:MODEL or an ONNX model folder) or an object with 'kind' (hashed, onnx or openai).");
        }
    }

    /// <summary>The string shorthand: <c>builtin</c> (or <c>hashed</c>), <c>openai:MODEL</c>, <c>onnx:FOLDER</c> or a bare ONNX folder.</summary>
    public static EmbedderOptions Shorthand(string text, string baseDir, string source)
    {
        var defaults = new EmbedderOptions();
        var t = text.Trim();
        if (t.Length == 0)
        {
            throw new InvalidDataException($"{source}: 'embedder' is empty; use builtin, openai:MODEL or an ONNX model folder.");
        }

        if (t is "builtin" or "hashed")
        {
            return defaults;
        }

        if (t.StartsWith(OpenAiPrefix, StringComparison.Ordinal))
        {
            var model = t[OpenAiPrefix.Length..].Trim();
            return model.Length > 0 ? defaults with { Kind = "openai", Model = model }
                : throw new InvalidDataException($"{source}: 'embedder' '{text}' names no model; write e.g. openai:text-embedding-3-small.");
        }

        var folder = t.StartsWith(OnnxPrefix, StringComparison.Ordinal) ? t[OnnxPrefix.Length..].Trim() : t;
        return defaults with { Kind = "onnx", ModelPath = Resolve(folder, baseDir) };
    }

    private static string Resolve(string path, string baseDir) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(baseDir, path));
}
