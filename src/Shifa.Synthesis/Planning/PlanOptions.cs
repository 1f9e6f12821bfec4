namespace Shifa.Synthesis.Planning;

/// <summary>Inputs of a generation plan besides the seed records; hashed into every item id.</summary>
public sealed record PlanOptions
{
    /// <summary>Dialect mix used when none is given: mostly MSA, with the main dialect groups.</summary>
    public static IReadOnlyDictionary<string, double> DefaultDialectMix { get; } = new Dictionary<string, double>
    {
        ["msa"] = 0.4, ["egyptian"] = 0.2, ["levantine"] = 0.15, ["gulf"] = 0.15, ["maghrebi"] = 0.1,
    };

    /// <summary>Provider the plan is for.</summary>
    public required string Provider { get; init; }

    /// <summary>Number of records wanted; items = ceil(target / pairs per item).</summary>
    public int TargetRecords { get; init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(TargetRecords), value, "Ask for at least one record."); } = 100;

    /// <summary>Pairs asked for in one item.</summary>
    public int PairsPerItem { get; init => field = value is > 0 and <= 50 ? value : throw new ArgumentOutOfRangeException(nameof(PairsPerItem), value, "Use 1 to 50 pairs per item."); } = 5;

    /// <summary>Real exemplars shown per item (fewer when a specialty has fewer seed records).</summary>
    public int ExemplarsPerItem { get; init => field = value is > 0 and <= 20 ? value : throw new ArgumentOutOfRangeException(nameof(ExemplarsPerItem), value, "Use 1 to 20 exemplars per item."); } = 3;

    /// <summary>Proportional or flattened quotas.</summary>
    public QuotaMode QuotaMode { get; init; } = QuotaMode.Proportional;

    /// <summary>Minimum share of items per specialty in <see cref="QuotaMode.Flattened"/> mode (0..1).</summary>
    public double FloorShare { get; init => field = value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(FloorShare), value, "The floor is a share between 0 and 1."); } = 0.02;

    /// <summary>Seed of every random draw in the plan.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Target dialect weights (need not sum to 1).</summary>
    public IReadOnlyDictionary<string, double> DialectMix
    {
        get;
        init => field = value.Count > 0 && value.Values.All(w => w >= 0) && value.Values.Sum() > 0
            ? value
            : throw new ArgumentException("The dialect mix needs at least one dialect with a positive weight.", nameof(DialectMix));
    } = DefaultDialectMix;

    /// <summary>Question types drawn uniformly per item.</summary>
    public IReadOnlyList<QuestionType> QuestionTypes
    {
        get;
        init => field = value.Count > 0 ? value : throw new ArgumentException("Give at least one question type.", nameof(QuestionTypes));
    } = Enum.GetValues<QuestionType>();

    /// <summary>Prompt template (or offline recipe) version recorded on every item.</summary>
    public required string PromptVersion { get; init; }
}
