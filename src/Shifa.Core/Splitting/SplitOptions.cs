namespace Shifa.Core.Splitting;

/// <summary>Seed and fractions of a train/val/test split.</summary>
public sealed record SplitOptions
{
    private readonly double _val = 0.1;
    private readonly double _test = 0.1;

    /// <summary>
    /// The split seed used when none is given, by <c>shifa split</c> and by <c>shifa run</c> alike, so both
    /// assign the same records to the same splits.
    /// </summary>
    public const int DefaultSeed = 13;

    /// <summary>Seed; the same seed over the same records gives the same split.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Share of real records for validation, in [0, 0.5].</summary>
    public double Val
    {
        get => _val;
        init => _val = Check(value, nameof(Val), _test);
    }

    /// <summary>Share of real records for test, in [0, 0.5].</summary>
    public double Test
    {
        get => _test;
        init => _test = Check(value, nameof(Test), _val);
    }

    private static double Check(double value, string name, double other)
    {
        if (double.IsNaN(value) || value < 0 || value > 0.5)
        {
            throw new ArgumentOutOfRangeException(name, value, $"--{name.ToLowerInvariant()} must be between 0 and 0.5.");
        }

        if (value + other >= 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "val + test must leave records for training.");
        }

        return value;
    }
}
