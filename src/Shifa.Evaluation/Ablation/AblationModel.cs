namespace Shifa.Evaluation.Ablation;

/// <summary>One model line of an ablation.</summary>
public sealed record AblationModel
{
    /// <summary>Name in tables (no '/').</summary>
    public required string Name { get; init; }

    /// <summary><c>sft</c> (fine-tune <see cref="Base"/> on each condition) or <c>retrieval</c> (answer from the condition's training data).</summary>
    public string Kind { get; init; } = "sft";

    /// <summary>Preset (<c>shifa-tiny</c>) or base model folder, for <c>sft</c>.</summary>
    public string? Base { get; init; }

    /// <summary>Epochs; null keeps the preset's default.</summary>
    public int? Epochs { get; init; }

    /// <summary>Cap on optimizer steps; null for none.</summary>
    public int? MaxSteps { get; init; }

    /// <summary>Longest generated answer, in tokens.</summary>
    public int MaxNewTokens { get; init; } = 128;

    /// <summary>LoRA settings such as <c>r=16,alpha=32</c> (see <c>LoraConfig.Parse</c>); null trains every weight.</summary>
    public string? Lora { get; init; }

    /// <summary>Training device: <c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// Training precision: <c>fp32</c>, <c>bf16</c> or <c>auto</c> (bf16 where the hardware multiplies it faster), as
    /// <c>shifa train --precision</c>; every condition of a model trains in the same one.
    /// </summary>
    public string Precision { get; init; } = "auto";

    /// <summary>
    /// Repetition penalty of the fixed greedy decoding (1 = none). Small models trained from scratch
    /// loop on punctuation under plain greedy decoding; every condition of a model decodes the same way.
    /// </summary>
    public double RepetitionPenalty { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(RepetitionPenalty), value, "The repetition penalty must be positive."); } = 1.3;
}
