namespace Shifa.Modeling.Training;

/// <summary>Settings of one supervised fine-tuning (or from-scratch) run; every setter rejects values that cannot work.</summary>
public sealed record SftTrainingOptions
{
    private readonly int _epochs = 3;
    private readonly int _batchSize = 8;
    private readonly int _gradientAccumulation = 1;
    private readonly int _sequenceLength = 256;
    private readonly double _learningRate = 1e-3;
    private readonly double _gradientClip = 1.0;

    /// <summary>Passes over the training rows.</summary>
    public int Epochs { get => _epochs; init => _epochs = Positive(value, nameof(Epochs)); }

    /// <summary>Rows per micro-batch.</summary>
    public int BatchSize { get => _batchSize; init => _batchSize = Positive(value, nameof(BatchSize)); }

    /// <summary>Micro-batches whose gradients are summed before one optimizer step.</summary>
    public int GradientAccumulation { get => _gradientAccumulation; init => _gradientAccumulation = Positive(value, nameof(GradientAccumulation)); }

    /// <summary>Tokens per row.</summary>
    public int SequenceLength { get => _sequenceLength; init => _sequenceLength = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(SequenceLength), value, "Use at least 2 tokens per row."); }

    /// <summary>Concatenate examples into full rows instead of padding each one.</summary>
    public bool Pack { get; init; } = true;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get => _learningRate; init => _learningRate = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The learning rate must be positive."); }

    /// <summary>Final learning rate as a fraction of the peak.</summary>
    public double MinLearningRateRatio { get; init; } = 0.1;

    /// <summary>Warmup as a fraction of all optimizer steps.</summary>
    public double WarmupFraction { get; init; } = 0.05;

    /// <summary>AdamW decoupled weight decay (applied to matrices only).</summary>
    public double WeightDecay { get; init; } = 0.1;

    /// <summary>AdamW β1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>AdamW β2.</summary>
    public double Beta2 { get; init; } = 0.95;

    /// <summary>Maximum global gradient norm; 0 disables clipping.</summary>
    public double GradientClip { get => _gradientClip; init => _gradientClip = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(GradientClip), value, "Use 0 to disable clipping, or a positive norm."); }

    /// <summary>Validation every this many optimizer steps (and always at the end); 0 only at the end.</summary>
    public int EvalEvery { get; init; } = 50;

    /// <summary>Checkpoint every this many optimizer steps; 0 never.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Stop after this many optimizer steps even if epochs remain (benchmarks, tests); null for all.</summary>
    public int? MaxSteps { get; init; }

    /// <summary>Seed for initialisation order, data order and dropout.</summary>
    public int Seed { get; init; } = 1337;

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// Compute precision: float32 throughout, or bfloat16 projections with float32 master weights, gradients,
    /// optimizer state, norms and loss (<see cref="TrainingPrecision.Bf16"/>); <see cref="TrainingPrecision.Auto"/>
    /// decides per device (<see cref="TrainingPrecisions.Resolve"/>). Validation losses are computed in float32 either way.
    /// </summary>
    public TrainingPrecision Precision { get; init; } = TrainingPrecision.Fp32;

    private static int Positive(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
}
