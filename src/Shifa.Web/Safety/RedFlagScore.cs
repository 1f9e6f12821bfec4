namespace Shifa.Web.Safety;

/// <summary>How a detector does on labelled messages: the four counts and the two rates the targets are set on.</summary>
/// <param name="TruePositives">Urgent messages flagged.</param>
/// <param name="FalseNegatives">Urgent messages missed.</param>
/// <param name="FalsePositives">Ordinary messages flagged.</param>
/// <param name="TrueNegatives">Ordinary messages left alone.</param>
public sealed record RedFlagScore(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives)
{
    /// <summary>Share of urgent messages flagged (0 when there are none).</summary>
    public double Recall => TruePositives / (double)Math.Max(1, TruePositives + FalseNegatives);

    /// <summary>Share of ordinary messages flagged (0 when there are none).</summary>
    public double FalsePositiveRate => FalsePositives / (double)Math.Max(1, FalsePositives + TrueNegatives);

    /// <summary>Screens every message with <paramref name="detector"/> and counts.</summary>
    public static RedFlagScore Of(IEnumerable<LabelledMessage> messages, RedFlagDetector detector)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(detector);
        int tp = 0, fn = 0, fp = 0, tn = 0;
        foreach (var m in messages)
        {
            switch (m.Urgent, detector.Detect(m.Text).IsUrgent)
            {
                case (true, true): tp++; break;
                case (true, false): fn++; break;
                case (false, true): fp++; break;
                default: tn++; break;
            }
        }

        return new RedFlagScore(tp, fn, fp, tn);
    }
}
