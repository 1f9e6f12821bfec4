// LoRA hyper-parameters and target-module selection, with PEFT's matching rules.
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Shifa.Modeling.Lora;

/// <summary>
/// Rank, scaling and targets of a LoRA adapter. <see cref="TargetModules"/> follows PEFT: a module is adapted when its
/// full name equals a target or ends with <c>"." + target</c>; <see cref="TargetRegex"/>, when set, must match the whole name instead.
/// </summary>
public sealed record LoraConfig
{
    private readonly int _rank = 8;
    private readonly double _alpha = 16;
    private readonly double _dropout;

    /// <summary>Rank r of the update BA (default 8).</summary>
    public int Rank
    {
        get => _rank;
        init => _rank = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Rank), value, "LoRA rank must be at least 1.");
    }

    /// <summary>α; the update is scaled by α / r (default 16).</summary>
    public double Alpha
    {
        get => _alpha;
        init => _alpha = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Alpha), value, "LoRA alpha must be positive.");
    }

    /// <summary>Dropout on the adapter's input while training (default 0).</summary>
    public double Dropout
    {
        get => _dropout;
        init => _dropout = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Dropout), value, "LoRA dropout must be in [0, 1).");
    }

    /// <summary>Module-name suffixes to adapt; null means the architecture's default (see <see cref="DefaultTargets"/>).</summary>
    public IReadOnlyList<string>? TargetModules { get; init; }

    /// <summary>A regular expression that must match a module's whole name; overrides <see cref="TargetModules"/>.</summary>
    public string? TargetRegex { get; init; }

    /// <summary>PEFT's defaults: <c>c_attn</c> for GPT-2, <c>q_proj</c> and <c>v_proj</c> for LLaMA and Mistral.</summary>
    public static IReadOnlyList<string> DefaultTargets(string modelType) =>
        modelType == "gpt2" ? ["c_attn"] : ["q_proj", "v_proj"];

    /// <summary>Whether the module called <paramref name="moduleName"/> is adapted under this config.</summary>
    public bool Targets(string moduleName, string modelType)
    {
        if (TargetRegex is not null)
        {
            return Regex.IsMatch(moduleName, $"^(?:{TargetRegex})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        return (TargetModules ?? DefaultTargets(modelType))
            .Any(t => moduleName == t || moduleName.EndsWith("." + t, StringComparison.Ordinal));
    }

    /// <summary>
    /// Parses a command-line spec such as <c>r=16,alpha=32,dropout=0.05,targets=q_proj+k_proj+v_proj+o_proj</c>;
    /// omitted keys keep their defaults.
    /// </summary>
    /// <exception cref="FormatException">Unknown key or bad number; the message names it.</exception>
    public static LoraConfig Parse(string spec)
    {
        var config = new LoraConfig();
        foreach (string part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq <= 0) throw new FormatException($"LoRA option '{part}' must look like key=value (r, alpha, dropout, targets).");
            string key = part[..eq].Trim().ToLowerInvariant(), value = part[(eq + 1)..].Trim();
            config = key switch
            {
                "r" or "rank" => config with { Rank = ParseNumber<int>(key, value) },
                "alpha" or "lora_alpha" => config with { Alpha = ParseNumber<double>(key, value) },
                "dropout" or "lora_dropout" => config with { Dropout = ParseNumber<double>(key, value) },
                "targets" or "target_modules" => config with { TargetModules = value.Split('+', StringSplitOptions.RemoveEmptyEntries) },
                _ => throw new FormatException($"Unknown LoRA option '{key}' (known: r, alpha, dropout, targets)."),
            };
        }
        return config;
    }

    private static T ParseNumber<T>(string key, string value) where T : INumber<T> =>
        T.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n : throw new FormatException($"LoRA option '{key}' needs a number, got '{value}'.");
}
