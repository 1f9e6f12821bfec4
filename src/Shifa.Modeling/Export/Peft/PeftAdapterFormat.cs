// LoRA adapters in Hugging Face PEFT's on-disk format: adapter_config.json + adapter_model.safetensors.
using System.Text.Json;
using System.Text.Json.Nodes;
using Shifa.Modeling.Architectures;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Lora;

namespace Shifa.Modeling.Export.Peft;

/// <summary>
/// Saves and loads LoRA adapters so that <c>PeftModel.from_pretrained</c> reads ours and we read PEFT's.
/// Tensor names are the model's names prefixed with <c>base_model.model.</c>, without PEFT's adapter name
/// (<c>base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight</c>).
/// </summary>
public static class PeftAdapterFormat
{
    /// <summary>File name of the adapter configuration.</summary>
    public const string ConfigFileName = "adapter_config.json";

    /// <summary>File name of the adapter weights.</summary>
    public const string WeightsFileName = "adapter_model.safetensors";

    private const string Prefix = "base_model.model.";

    /// <summary>Writes the model's adapters and the config they were attached with.</summary>
    /// <param name="model">A model with adapters attached (see <see cref="LoraAdapter.Attach"/>).</param>
    /// <param name="config">The config used to attach them.</param>
    /// <param name="folder">Destination folder.</param>
    /// <param name="baseModel">What PEFT records as <c>base_model_name_or_path</c> (a hub id or folder).</param>
    public static void Save(CausalLanguageModel model, LoraConfig config, string folder, string baseModel)
    {
        var adapters = LoraAdapter.Projections(model).Where(p => p.Layer.HasAdapter).ToList();
        if (adapters.Count == 0) throw new InvalidOperationException("The model has no LoRA adapter to save.");
        Directory.CreateDirectory(folder);
        var state = LoraAdapter.AdapterState(model).Select(kv => KeyValuePair.Create(Prefix + kv.Key, kv.Value)).ToList();
        SafetensorsWriter.Write(Path.Combine(folder, WeightsFileName), state, new Dictionary<string, string> { ["format"] = "pt" });

        // PEFT records the targets as the distinct last name parts of the adapted modules.
        var targets = new JsonArray(adapters.Select(a => a.Name[(a.Name.LastIndexOf('.') + 1)..]).Distinct().Order()
            .Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        var json = new JsonObject
        {
            ["peft_type"] = "LORA",
            ["task_type"] = "CAUSAL_LM",
            ["base_model_name_or_path"] = baseModel,
            ["r"] = config.Rank,
            ["lora_alpha"] = config.Alpha,
            ["lora_dropout"] = config.Dropout,
            ["target_modules"] = targets,
            ["bias"] = "none",
            // GPT-2's Conv1D stores weights [in, out]; PEFT calls that fan_in_fan_out.
            ["fan_in_fan_out"] = model.Config.IsGpt2,
            ["inference_mode"] = true,
            ["init_lora_weights"] = true,
            ["use_rslora"] = false,
            ["use_dora"] = false,
            ["modules_to_save"] = null,
        };
        File.WriteAllText(Path.Combine(folder, ConfigFileName), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads <c>adapter_config.json</c> into a <see cref="LoraConfig"/>.</summary>
    /// <exception cref="InvalidDataException">
    /// Not a LoRA adapter, or a feature Shifa does not implement (DoRA, rsLoRA, trained biases, per-module ranks,
    /// layer subsets, fully trained extra modules), named so the user knows why it was refused.
    /// </exception>
    public static LoraConfig ReadConfig(string folder)
    {
        string path = Path.Combine(folder, ConfigFileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found: not a PEFT adapter folder.", path);
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw new InvalidDataException($"{path}: must be a JSON object.");
        string? peftType = (string?)root["peft_type"];
        if (peftType != "LORA") throw new InvalidDataException($"{path}: peft_type is '{peftType}', only LORA is supported.");
        if ((bool?)root["use_dora"] == true) throw new InvalidDataException($"{path}: DoRA adapters are not supported.");
        if ((bool?)root["use_rslora"] == true) throw new InvalidDataException($"{path}: rsLoRA scaling is not supported.");
        if (((string?)root["bias"] ?? "none") != "none") throw new InvalidDataException($"{path}: bias '{root["bias"]}' is not supported (only none).");
        foreach (string key in new[] { "rank_pattern", "alpha_pattern" })
        {
            if (root[key] is JsonObject { Count: > 0 }) throw new InvalidDataException($"{path}: per-module '{key}' is not supported.");
        }
        foreach (string key in new[] { "layers_to_transform", "modules_to_save" })
        {
            if (root[key] is not null) throw new InvalidDataException($"{path}: '{key}' is set, which Shifa does not support.");
        }
        var targets = root["target_modules"];
        try
        {
            return new LoraConfig
            {
                Rank = (int?)root["r"] ?? throw new InvalidDataException($"{path}: missing 'r'."),
                Alpha = (double?)root["lora_alpha"] ?? 8,
                Dropout = (double?)root["lora_dropout"] ?? 0,
                TargetModules = targets is JsonArray list ? list.Select(t => (string)t!).ToList() : null,
                TargetRegex = targets is JsonValue v && v.TryGetValue(out string? regex) ? regex : null,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Attaches the adapter in <paramref name="folder"/> to <paramref name="model"/> and loads its weights strictly:
    /// every adapter tensor in the file must have a matching projection and every attached adapter must be filled.
    /// </summary>
    public static LoraConfig Load(CausalLanguageModel model, string folder)
    {
        var config = ReadConfig(folder);
        LoraAdapter.Attach(model, config);
        using var checkpoint = CheckpointFolder.Open(Path.Combine(folder, WeightsFileName));
        CheckpointLoader.LoadStrict(LoraAdapter.AdapterState(model), checkpoint, ToModelName);
        return config;
    }

    // Older PEFT versions saved the adapter name inside the key ("lora_A.default.weight").
    private static string ToModelName(string key)
    {
        string name = key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : key;
        return name.Replace(".lora_A.default.", ".lora_A.", StringComparison.Ordinal)
                   .Replace(".lora_B.default.", ".lora_B.", StringComparison.Ordinal);
    }
}
