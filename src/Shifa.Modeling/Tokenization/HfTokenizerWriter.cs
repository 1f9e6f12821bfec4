// Writes a byte-level BPE vocabulary as Hugging Face tokenizer files (GPT-2 vocab/merges and tokenizers' tokenizer.json).
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Saves a <see cref="ByteLevelBpeModel"/> so that Hugging Face <c>transformers</c>
/// (<c>AutoTokenizer.from_pretrained</c>), HF <c>tokenizers</c>, Microsoft.ML.Tokenizers and
/// <see cref="TokenizerLoader"/> can all read it: <c>vocab.json</c>, <c>merges.txt</c>,
/// <c>tokenizer.json</c>, <c>tokenizer_config.json</c> (with the chat template) and
/// <c>special_tokens_map.json</c>.
/// </summary>
public static class HfTokenizerWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes all tokenizer files into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="model">The vocabulary.</param>
    /// <param name="directory">Target folder, usually a model folder.</param>
    /// <param name="chatTemplate">Jinja chat template stored in <c>tokenizer_config.json</c>, or null.</param>
    /// <param name="modelMaxLength">Context length recorded for HF tools.</param>
    public static void Save(ByteLevelBpeModel model, string directory, string? chatTemplate = null, int modelMaxLength = 1024)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);

        var vocab = new JsonObject();
        foreach (var (token, id) in model.Vocabulary.OrderBy(kv => kv.Value))
        {
            vocab[token] = id;
        }

        File.WriteAllText(Path.Combine(directory, "vocab.json"), vocab.ToJsonString(Json));
        var mergeLines = model.Merges.Select(m => $"{m.Left} {m.Right}");
        File.WriteAllLines(Path.Combine(directory, "merges.txt"), new[] { "#version: 0.2" }.Concat(mergeLines));

        var specials = model.SpecialTokens.OrderBy(kv => kv.Value).ToArray();
        var addedTokens = new JsonArray(specials.Select(kv => (JsonNode)new JsonObject
        {
            ["id"] = kv.Value,
            ["content"] = kv.Key,
            ["single_word"] = false,
            ["lstrip"] = false,
            ["rstrip"] = false,
            ["normalized"] = false,
            ["special"] = true,
        }).ToArray());
        var tokenizerJson = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = addedTokens,
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Split",
                        ["pattern"] = new JsonObject { ["Regex"] = model.Pattern },
                        ["behavior"] = "Isolated",
                        ["invert"] = false,
                    },
                    new JsonObject
                    {
                        ["type"] = "ByteLevel",
                        ["add_prefix_space"] = false,
                        ["trim_offsets"] = true,
                        ["use_regex"] = false,
                    }),
            },
            ["post_processor"] = null,
            ["decoder"] = new JsonObject
            {
                ["type"] = "ByteLevel",
                ["add_prefix_space"] = false,
                ["trim_offsets"] = true,
                ["use_regex"] = false,
            },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["dropout"] = null,
                ["unk_token"] = null,
                ["continuing_subword_prefix"] = null,
                ["end_of_word_suffix"] = null,
                ["fuse_unk"] = false,
                ["byte_fallback"] = false,
                ["ignore_merges"] = false,
                ["vocab"] = vocab.DeepClone(),
                ["merges"] = new JsonArray(model.Merges.Select(m => (JsonNode)new JsonArray(m.Left, m.Right)).ToArray()),
            },
        };
        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), tokenizerJson.ToJsonString(Json));

        var eos = model.SpecialTokens.ContainsKey(SpecialTokenNames.EndOfText) ? SpecialTokenNames.EndOfText : null;
        var additional = specials.Select(kv => kv.Key).Where(t => t != eos).ToArray();
        var decoder = new JsonObject();
        foreach (var kv in addedTokens)
        {
            decoder[kv!["id"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture)] = kv.DeepClone();
        }

        var config = new JsonObject
        {
            ["tokenizer_class"] = "PreTrainedTokenizerFast",
            ["add_bos_token"] = false,
            ["add_eos_token"] = false,
            ["add_prefix_space"] = false,
            ["bos_token"] = eos,
            ["eos_token"] = eos,
            ["pad_token"] = eos,
            ["unk_token"] = null,
            ["model_max_length"] = modelMaxLength,
            ["clean_up_tokenization_spaces"] = false,
            ["added_tokens_decoder"] = decoder,
            ["additional_special_tokens"] = new JsonArray(additional.Select(a => (JsonNode)a).ToArray()),
        };
        if (chatTemplate is not null)
        {
            config["chat_template"] = chatTemplate;
        }

        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), config.ToJsonString(Json));
        var map = new JsonObject
        {
            ["bos_token"] = eos,
            ["eos_token"] = eos,
            ["pad_token"] = eos,
            ["additional_special_tokens"] = new JsonArray(additional.Select(a => (JsonNode)a).ToArray()),
        };
        File.WriteAllText(Path.Combine(directory, "special_tokens_map.json"), map.ToJsonString(Json));
    }
}
