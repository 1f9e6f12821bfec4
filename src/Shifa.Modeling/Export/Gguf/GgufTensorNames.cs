// Hugging Face LLaMA parameter names → llama.cpp tensor names (gguf-py's tensor_mapping for MODEL_ARCH.LLAMA).
using System.Text.RegularExpressions;

namespace Shifa.Modeling.Export.Gguf;

/// <summary>Translates parameter names to the names llama.cpp looks up.</summary>
public static partial class GgufTensorNames
{
    private static readonly Dictionary<string, string> LayerSuffixes = new(StringComparer.Ordinal)
    {
        ["self_attn.q_proj.weight"] = "attn_q.weight",
        ["self_attn.k_proj.weight"] = "attn_k.weight",
        ["self_attn.v_proj.weight"] = "attn_v.weight",
        ["self_attn.o_proj.weight"] = "attn_output.weight",
        ["mlp.gate_proj.weight"] = "ffn_gate.weight",
        ["mlp.up_proj.weight"] = "ffn_up.weight",
        ["mlp.down_proj.weight"] = "ffn_down.weight",
        ["input_layernorm.weight"] = "attn_norm.weight",
        ["post_attention_layernorm.weight"] = "ffn_norm.weight",
    };

    /// <summary>The llama.cpp name of a LLaMA parameter.</summary>
    /// <exception cref="NotSupportedException">The parameter has no llama.cpp counterpart (the message names it).</exception>
    public static string ForLlama(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        switch (name)
        {
            case "model.embed_tokens.weight": return "token_embd.weight";
            case "model.norm.weight": return "output_norm.weight";
            case "lm_head.weight": return "output.weight";
        }
        var match = LayerName().Match(name);
        if (match.Success && LayerSuffixes.TryGetValue(match.Groups[2].Value, out string? suffix))
        {
            return $"blk.{match.Groups[1].Value}.{suffix}";
        }
        throw new NotSupportedException($"Parameter '{name}' has no tensor in llama.cpp's llama architecture (biases and extra modules are not exported).");
    }

    private static readonly Dictionary<string, string> Gpt2LayerParts = new(StringComparer.Ordinal)
    {
        ["ln_1"] = "attn_norm",
        ["attn.c_attn"] = "attn_qkv",
        ["attn.c_proj"] = "attn_output",
        ["ln_2"] = "ffn_norm",
        ["mlp.c_fc"] = "ffn_up",
        ["mlp.c_proj"] = "ffn_down",
    };

    /// <summary>The llama.cpp name of a GPT-2 parameter.</summary>
    /// <exception cref="NotSupportedException">The parameter has no llama.cpp counterpart.</exception>
    public static string ForGpt2(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        switch (name)
        {
            case "transformer.wte.weight": return "token_embd.weight";
            case "transformer.wpe.weight": return "position_embd.weight";
            case "transformer.ln_f.weight": return "output_norm.weight";
            case "transformer.ln_f.bias": return "output_norm.bias";
            case "lm_head.weight": return "output.weight";
        }
        var match = Gpt2LayerName().Match(name);
        if (match.Success && Gpt2LayerParts.TryGetValue(match.Groups[2].Value, out string? part))
        {
            return $"blk.{match.Groups[1].Value}.{part}.{match.Groups[3].Value}";
        }
        throw new NotSupportedException($"Parameter '{name}' has no tensor in llama.cpp's gpt2 architecture.");
    }

    /// <summary>Whether a GPT-2 parameter is a Conv1D weight, stored (in, out) rather than (out, in).</summary>
    public static bool IsGpt2Conv1D(string name) =>
        name.EndsWith(".weight", StringComparison.Ordinal) && (name.Contains(".c_attn.", StringComparison.Ordinal)
            || name.Contains(".c_proj.", StringComparison.Ordinal) || name.Contains(".c_fc.", StringComparison.Ordinal));

    [GeneratedRegex(@"^transformer\.h\.(\d+)\.(.+)\.(weight|bias)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Gpt2LayerName();

    [GeneratedRegex(@"^model\.layers\.(\d+)\.(.+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LayerName();
}
