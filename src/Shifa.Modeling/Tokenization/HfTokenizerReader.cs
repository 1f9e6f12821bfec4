// Reads byte-level BPE vocabularies from Hugging Face files (tokenizer.json, or GPT-2's vocab.json + merges.txt).
using System.Text.Json;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Reads a <see cref="ByteLevelBpeModel"/> from a model folder. <c>tokenizer.json</c> wins when
/// present because it also records the split pattern and special tokens; otherwise
/// <c>vocab.json</c> + <c>merges.txt</c> are read with GPT-2's pattern and the special tokens listed
/// in <c>tokenizer_config.json</c> (<c>added_tokens_decoder</c>), if any.
/// </summary>
public static class HfTokenizerReader
{
    /// <summary>True when <paramref name="directory"/> holds a byte-level BPE vocabulary this reader understands.</summary>
    public static bool HasByteLevelBpe(string directory)
    {
        var tokenizerJson = Path.Combine(directory, "tokenizer.json");
        if (File.Exists(tokenizerJson))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(tokenizerJson));
            return doc.RootElement.TryGetProperty("model", out var model)
                && model.TryGetProperty("type", out var type) && type.GetString() == "BPE"
                && DescribesByteLevel(doc.RootElement);
        }

        return File.Exists(Path.Combine(directory, "vocab.json")) && File.Exists(Path.Combine(directory, "merges.txt"));
    }

    /// <summary>Reads the vocabulary in <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A file is malformed; the message names the file and the entry.</exception>
    public static ByteLevelBpeModel Read(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var tokenizerJson = Path.Combine(directory, "tokenizer.json");
        if (File.Exists(tokenizerJson))
        {
            return ReadTokenizerJson(tokenizerJson);
        }

        var vocabPath = Path.Combine(directory, "vocab.json");
        var mergesPath = Path.Combine(directory, "merges.txt");
        if (!File.Exists(vocabPath) || !File.Exists(mergesPath))
        {
            throw new FileNotFoundException(
                $"No byte-level BPE tokenizer in '{directory}': expected tokenizer.json, or vocab.json together with merges.txt.");
        }

        using var vocabDoc = JsonDocument.Parse(File.ReadAllBytes(vocabPath));
        var vocabulary = ReadVocabulary(vocabDoc.RootElement, vocabPath);
        var merges = new List<(string, string)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(mergesPath))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal)))
            {
                continue;
            }

            merges.Add(ParseMerge(line, $"{mergesPath}, line {lineNumber}"));
        }

        var specials = ReadSpecialsFromConfig(Path.Combine(directory, "tokenizer_config.json"), vocabulary);
        return Build(vocabulary, merges, specials, ByteLevelPreTokenizer.Gpt2Pattern, mergesPath);
    }

    private static ByteLevelBpeModel ReadTokenizerJson(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        if (!root.TryGetProperty("model", out var model) || model.GetProperty("type").GetString() != "BPE")
        {
            throw new InvalidDataException($"{path}: model.type is not \"BPE\"; only byte-level BPE tokenizer.json files are read here.");
        }

        if (!DescribesByteLevel(root))
        {
            throw new InvalidDataException($"{path}: the pre_tokenizer is not byte-level; this BPE vocabulary is not a byte-level one.");
        }

        var vocabulary = ReadVocabulary(model.GetProperty("vocab"), path);
        var merges = new List<(string, string)>();
        var index = 0;
        foreach (var merge in model.GetProperty("merges").EnumerateArray())
        {
            index++;
            var where = $"{path}, model.merges[{index - 1}]";
            merges.Add(merge.ValueKind switch
            {
                JsonValueKind.String => ParseMerge(merge.GetString()!, where),
                JsonValueKind.Array when merge.GetArrayLength() == 2 => (merge[0].GetString()!, merge[1].GetString()!),
                _ => throw new InvalidDataException($"{where}: a merge must be \"left right\" or [left, right]."),
            });
        }

        var specials = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in added.EnumerateArray())
            {
                var content = token.GetProperty("content").GetString()!;
                var id = token.GetProperty("id").GetInt32();
                specials[content] = id;
                vocabulary[content] = id;
            }
        }

        var patterns = new List<string>();
        FindPatterns(root.GetProperty("pre_tokenizer"), patterns);
        if (patterns.Count > 1)
        {
            // Several Split steps each re-split the previous pieces (DeepSeek-V3 style); one expression cannot stand for them.
            throw new NotSupportedException(
                $"{path}: the pre_tokenizer has {patterns.Count} split expressions in sequence; Shifa's byte-level BPE applies one.");
        }
        string pattern = patterns.Count == 0 ? ByteLevelPreTokenizer.Gpt2Pattern : patterns[0];
        // Qwen3.5's tokenizer.json spells the contractions case-insensitively; llama.cpp's spelling is the same expression.
        if (pattern == Qwen35CaseInsensitiveSpelling) pattern = ByteLevelPreTokenizer.Qwen35Pattern;
        return Build(vocabulary, merges, specials, pattern, path);
    }

    private const string Qwen35CaseInsensitiveSpelling =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private static ByteLevelBpeModel Build(
        Dictionary<string, int> vocabulary, List<(string, string)> merges, Dictionary<string, int> specials, string pattern, string source)
    {
        try
        {
            return new ByteLevelBpeModel(vocabulary, merges, specials, pattern);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    private static bool DescribesByteLevel(JsonElement root)
    {
        return root.TryGetProperty("pre_tokenizer", out var pre) && ContainsType(pre, "ByteLevel");
    }

    private static bool ContainsType(JsonElement node, string type)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (node.TryGetProperty("type", out var t) && t.GetString() == type)
        {
            return true;
        }

        return node.TryGetProperty("pretokenizers", out var list) && list.EnumerateArray().Any(p => ContainsType(p, type));
    }

    // The regexes the text is split with: each Split step's pattern, or GPT-2's where ByteLevel splits itself.
    private static void FindPatterns(JsonElement pre, List<string> found)
    {
        if (pre.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = pre.GetProperty("type").GetString();
        if (type == "Split" && pre.GetProperty("pattern").TryGetProperty("Regex", out var regex))
        {
            found.Add(regex.GetString()!);
        }
        else if (type == "ByteLevel" && (!pre.TryGetProperty("use_regex", out var useRegex) || useRegex.GetBoolean()))
        {
            found.Add(ByteLevelPreTokenizer.Gpt2Pattern);
        }
        else if (type == "Sequence")
        {
            foreach (var inner in pre.GetProperty("pretokenizers").EnumerateArray())
            {
                FindPatterns(inner, found);
            }
        }
    }

    private static Dictionary<string, int> ReadVocabulary(JsonElement vocab, string path)
    {
        if (vocab.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: the vocabulary must be a JSON object of token → id.");
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var id) || id < 0)
            {
                throw new InvalidDataException($"{path}: token '{entry.Name}' has id {entry.Value}, expected a non-negative integer.");
            }

            result[entry.Name] = id;
        }

        return result;
    }

    private static (string, string) ParseMerge(string line, string where)
    {
        var parts = line.Split(' ');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new InvalidDataException($"{where}: expected two tokens separated by one space, found '{line}'.");
        }

        return (parts[0], parts[1]);
    }

    private static Dictionary<string, int> ReadSpecialsFromConfig(string configPath, Dictionary<string, int> vocabulary)
    {
        var specials = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(configPath))
        {
            foreach (var (token, id) in vocabulary.Where(kv => kv.Key.StartsWith("<|", StringComparison.Ordinal) && kv.Key.EndsWith("|>", StringComparison.Ordinal)))
            {
                specials[token] = id;
            }

            return specials;
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(configPath));
        if (doc.RootElement.TryGetProperty("added_tokens_decoder", out var decoder))
        {
            foreach (var entry in decoder.EnumerateObject())
            {
                var content = entry.Value.GetProperty("content").GetString()!;
                specials[content] = int.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture);
                vocabulary[content] = specials[content];
            }
        }

        return specials;
    }
}
