// Which Hugging Face architectures Shifa can load, so adapters trained elsewhere are checked before any weights are read.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shifa.Cli.Commands.Interop;

/// <summary>
/// Shifa's model code loads GPT-2 and LLaMA/Mistral (<c>model_type</c> gpt2, llama, mistral). A PEFT adapter
/// names its base in <c>base_model_name_or_path</c>: a folder (its <c>config.json</c> says the type) or a hub id,
/// whose family is recognised from the name when it is one Shifa cannot load.
/// </summary>
internal static class LoadableArchitecture
{
    /// <summary>The <c>model_type</c> values Shifa loads.</summary>
    public static IReadOnlyList<string> ModelTypes { get; } = ["gpt2", "llama", "mistral"];

    /// <summary>Base model that <c>shifa export trainer</c> proposes: a Mistral instruct model, which Shifa loads and imports adapters for.</summary>
    public const string DefaultTrainerBase = "mistralai/Mistral-7B-Instruct-v0.3";

    // Families whose hub ids say what they are; checked in order (e.g. "mixtral" is a mixture of experts, not mistral).
    private static readonly (string Token, string ModelType)[] Families =
    [
        ("mixtral", "mixtral"), ("qwen", "qwen2"), ("gemma", "gemma"), ("phi-", "phi"), ("falcon", "falcon"), ("bloom", "bloom"),
        ("mpt-", "mpt"), ("pythia", "gpt_neox"), ("gpt-neox", "gpt_neox"), ("jais", "jais"), ("t5", "t5"), ("olmo", "olmo"),
        ("command-r", "cohere"), ("aya", "cohere"), ("starcoder", "starcoder2"), ("deepseek-v", "deepseek_v2"),
        ("mistral", "mistral"), ("llama", "llama"), ("gpt2", "gpt2"),
    ];

    /// <summary>The <c>model_type</c> of a model folder's <c>config.json</c>, or null when it has none.</summary>
    public static string? ModelTypeOfFolder(string folder)
    {
        var path = Path.Combine(folder, "config.json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["model_type"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: not a readable Hugging Face config ({e.Message}).", e);
        }
    }

    /// <summary>The family a hub id or folder name belongs to, or null when the name does not say.</summary>
    public static string? ModelTypeOfName(string nameOrPath)
    {
        var name = nameOrPath.ToLowerInvariant();
        foreach (var (token, type) in Families)
        {
            if (name.Contains(token, StringComparison.Ordinal))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The architecture of a base model given as folder or hub id: the folder's config when present, else the name's family.</summary>
    public static string? ModelTypeOf(string nameOrPath) =>
        Directory.Exists(nameOrPath) ? ModelTypeOfFolder(nameOrPath) ?? ModelTypeOfName(nameOrPath) : ModelTypeOfName(nameOrPath);

    /// <summary>True when Shifa loads models of <paramref name="modelType"/>.</summary>
    public static bool IsLoadable(string modelType) => ModelTypes.Contains(modelType, StringComparer.Ordinal);

    /// <summary>
    /// Why an adapter cannot be imported onto <paramref name="baseFolder"/>, or null when both the base folder
    /// and the adapter's own <c>base_model_name_or_path</c> are of an architecture Shifa loads.
    /// </summary>
    public static string? ImportProblem(string baseFolder, string adapterFolder)
    {
        var supported = string.Join(", ", ModelTypes);
        if (ModelTypeOfFolder(baseFolder) is { } type && !IsLoadable(type))
        {
            return $"base model '{baseFolder}' is a '{type}' model; Shifa loads {supported} models only. " +
                   $"Train the adapter on a LLaMA/Mistral or GPT-2 base (e.g. {DefaultTrainerBase}) and import it onto that folder.";
        }

        var config = Path.Combine(adapterFolder, "adapter_config.json");
        if (!File.Exists(config))
        {
            return null; // the importer names the missing file
        }

        string? declared;
        try
        {
            declared = JsonNode.Parse(File.ReadAllText(config))?["base_model_name_or_path"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return $"{config}: not a readable PEFT adapter config ({e.Message}).";
        }

        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var declaredDir = Path.IsPathRooted(declared) ? declared : Path.Combine(adapterFolder, declared);
        var declaredType = Directory.Exists(declaredDir) ? ModelTypeOfFolder(declaredDir) ?? ModelTypeOfName(declared) : ModelTypeOfName(declared);
        return declaredType is not null && !IsLoadable(declaredType)
            ? $"adapter '{adapterFolder}' was trained on '{declared}', a '{declaredType}' model ({config}: base_model_name_or_path); " +
              $"Shifa loads {supported} models only, so it cannot merge or serve this adapter. Retrain on a LLaMA/Mistral or GPT-2 base " +
              $"(shifa export trainer --base-model {DefaultTrainerBase}, the default)."
            : null;
    }
}
