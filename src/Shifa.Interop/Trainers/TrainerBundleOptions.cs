// Settings carried into an exported trainer configuration.
using Shifa.Modeling.Lora;

namespace Shifa.Interop.Trainers;

/// <summary>What the exported configuration asks the external trainer to do; defaults suit a 7B instruct model with LoRA.</summary>
public sealed record TrainerBundleOptions
{
    private readonly int _sequenceLength = 2048;
    private readonly int _gpus = 8;

    /// <summary>Hugging Face id or path of the model to fine-tune on the cluster (a Mistral model, which Shifa loads to import the adapter back).</summary>
    public string BaseModel { get; init; } = "mistralai/Mistral-7B-Instruct-v0.3";

    /// <summary>LoRA settings (rank, alpha, dropout, target modules); null targets all attention and MLP projections.</summary>
    public LoraConfig Lora { get; init; } = new() { Rank = 16, Alpha = 32, Dropout = 0.05 };

    /// <summary>Tokens per training row.</summary>
    public int SequenceLength
    {
        get => _sequenceLength;
        init => _sequenceLength = value >= 64 ? value : throw new ArgumentOutOfRangeException(nameof(SequenceLength), value, "Use at least 64 tokens per row.");
    }

    /// <summary>GPUs per node for the accelerate configuration.</summary>
    public int Gpus
    {
        get => _gpus;
        init => _gpus = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Gpus), value, "Use at least one GPU.");
    }

    /// <summary>Epochs.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 2e-4;

    /// <summary>Per-device micro-batch size.</summary>
    public int MicroBatchSize { get; init; } = 4;

    /// <summary>Gradient accumulation steps.</summary>
    public int GradientAccumulation { get; init; } = 4;

    /// <summary>DeepSpeed ZeRO stage for TRL's accelerate config (0 = plain multi-GPU data parallel).</summary>
    public int DeepSpeedStage { get; init; } = 2;

    /// <summary>System message put before every question, as Shifa's own training does when one is configured.</summary>
    public string? SystemPrompt { get; init; }

    /// <summary>Jinja chat template; null keeps the base model's own.</summary>
    public string? ChatTemplate { get; init; }

    /// <summary>Seed.</summary>
    public int Seed { get; init; } = 42;
}
