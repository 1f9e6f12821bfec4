namespace Shifa.Modeling.Training;

/// <summary>What a training run did, stored with the model next to the per-step metrics.</summary>
public sealed record TrainingSummary
{
    /// <summary>Model or preset trained from.</summary>
    public required string Base { get; init; }

    /// <summary>Optimizer steps taken.</summary>
    public required int Steps { get; init; }

    /// <summary>Training examples used.</summary>
    public required int TrainExamples { get; init; }

    /// <summary>Validation examples used.</summary>
    public required int ValidationExamples { get; init; }

    /// <summary>Tokens that carried loss in one pass over the training rows.</summary>
    public required long TrainAnswerTokens { get; init; }

    /// <summary>Mean training loss of the last ten steps (one step alone is noisy).</summary>
    public required double FinalTrainLoss { get; init; }

    /// <summary>Last validation loss.</summary>
    public double? FinalValidationLoss { get; init; }

    /// <summary>Entropy (nats) of the unigram distribution of the training answer tokens: the loss a model that ignores context can reach.</summary>
    public double? UnigramEntropy { get; init; }

    /// <summary>Tokens per Arabic word of the tokenizer on the training text.</summary>
    public double? TokenizerFertility { get; init; }

    /// <summary>The precision the run computed in after <c>auto</c> was resolved: <c>fp32</c> or <c>bf16</c>.</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>Mean input tokens per second over the run.</summary>
    public required double TokensPerSecond { get; init; }

    /// <summary>Wall time of the run in seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>Records that could not be trained on, with the reason.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
