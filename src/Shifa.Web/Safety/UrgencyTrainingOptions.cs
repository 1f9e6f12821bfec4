namespace Shifa.Web.Safety;

/// <summary>How <see cref="UrgencyClassifier.Train"/> fits the model. The defaults were chosen by leave-one-set-out runs (<c>bench/Shifa.Bench.Safety</c>).</summary>
public sealed record UrgencyTrainingOptions
{
    /// <summary>Passes over the training messages.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>AdaGrad step size.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>L2 penalty per feature weight, applied when the feature is seen.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Features seen in fewer training messages are dropped.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Seed of the order in which messages are visited; training is deterministic for a given seed.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Urgency at or above which the learned screen flags a message the rules let through.</summary>
    public double Threshold { get; init; } = 0.4;

    /// <summary>
    /// Urgency below which the learned screen sets aside a rule that fired (0 to never do so). Low on
    /// purpose: only a message the model is nearly sure is ordinary loses the rule's notice.
    /// </summary>
    public double VetoBelow { get; init; } = 0.1;

    /// <summary>
    /// Whether the learned screen may flag a message whose rules fired but were set aside as past or
    /// informational ("last year, now fine", "how do I prevent a stroke?").
    /// </summary>
    public bool OverridesSetAside { get; init; } = true;
}
