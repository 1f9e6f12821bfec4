// The ablation configuration file: conditions × models, metrics and statistics settings.
using System.Text.Json;

namespace Shifa.Evaluation.Ablation;

/// <summary>
/// What <c>shifa ablate</c> runs. A condition is <c>original</c> plus '+'-joined sources:
/// <c>offline</c> (offline augmenter records) or any other word, which selects LLM-synthetic records
/// whose provider or model contains it (e.g. <c>original+gpt-4o</c>, <c>original+gemini</c>,
/// <c>original+gpt-4o+gemini</c>).
/// </summary>
public sealed record AblationConfig
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Run name; also the report folder name.</summary>
    public string Name { get; init; } = "ablation";

    /// <summary>Data conditions, the first being the baseline unless <see cref="BaselineCondition"/> says otherwise.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = ["original", "original+offline"];

    /// <summary>Condition the deltas compare against.</summary>
    public string? BaselineCondition { get; init; }

    /// <summary>Models.</summary>
    public IReadOnlyList<AblationModel> Models { get; init; } = [new AblationModel { Name = "tiny", Base = "shifa-tiny" }];

    /// <summary>Metrics: <c>chrf</c>, <c>chrf++</c>, <c>bleu</c>, <c>rougeL</c>, <c>bertscore</c>.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = ["chrf", "rougeL"];

    /// <summary>BERTScore model folder (required when metrics include <c>bertscore</c>).</summary>
    public string? BertScoreModel { get; init; }

    /// <summary>BERTScore layer; null uses bert_score's default for the model.</summary>
    public int? BertScoreLayer { get; init; }

    /// <summary>BERTScore baseline file for rescaling; null means raw scores.</summary>
    public string? BertScoreBaseline { get; init; }

    /// <summary>Use idf weighting in BERTScore.</summary>
    public bool BertScoreIdf { get; init; }

    /// <summary>Apply the Arabic matching normalizer before string metrics.</summary>
    public bool NormalizeArabic { get; init; } = true;

    /// <summary>Evaluate on at most this many test records (by id order); null for all.</summary>
    public int? MaxTestItems { get; init; }

    /// <summary>Bootstrap resamples.</summary>
    public int Resamples { get; init; } = 1000;

    /// <summary>Approximate-randomization shuffles.</summary>
    public int Trials { get; init; } = 10000;

    /// <summary>Seed of every resampling.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>The baseline condition actually used.</summary>
    public string Baseline => BaselineCondition ?? Conditions[0];

    /// <summary>Reads and checks a config file; errors name the file and field.</summary>
    public static AblationConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Ablation config '{path}' not found.", path);
        }

        AblationConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<AblationConfig>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }

        return (config ?? throw new InvalidDataException($"{path}: empty config.")).Validate(path);
    }

    /// <summary>Checks names and references; returns this config.</summary>
    public AblationConfig Validate(string source = "config")
    {
        if (Conditions.Count == 0)
        {
            throw new InvalidDataException($"{source}: field 'conditions' is empty.");
        }

        foreach (var c in Conditions)
        {
            if (!c.StartsWith("original", StringComparison.Ordinal) || c.Contains('/', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{source}: condition '{c}' must start with 'original' (e.g. original+offline) and contain no '/'.");
            }
        }

        if (!Conditions.Contains(Baseline))
        {
            throw new InvalidDataException($"{source}: field 'baselineCondition' '{Baseline}' is not one of the conditions.");
        }

        if (Models.Count == 0)
        {
            throw new InvalidDataException($"{source}: field 'models' is empty.");
        }

        foreach (var m in Models)
        {
            if (string.IsNullOrWhiteSpace(m.Name) || m.Name.Contains('/', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{source}: model name '{m.Name}' must be non-empty and contain no '/'.");
            }

            if (m.Kind is not ("sft" or "retrieval"))
            {
                throw new InvalidDataException($"{source}: model '{m.Name}' field 'kind' is '{m.Kind}'; use 'sft' or 'retrieval'.");
            }

            if (m.Kind == "sft" && string.IsNullOrWhiteSpace(m.Base))
            {
                throw new InvalidDataException($"{source}: model '{m.Name}' needs field 'base' (a preset such as shifa-tiny, or a model folder).");
            }

            if (m.Precision.ToLowerInvariant() is not ("fp32" or "bf16" or "auto"))
            {
                throw new InvalidDataException($"{source}: model '{m.Name}' field 'precision' is '{m.Precision}'; use fp32, bf16 or auto.");
            }
        }

        if (Metrics.Contains("bertscore") && string.IsNullOrWhiteSpace(BertScoreModel))
        {
            throw new InvalidDataException($"{source}: metric 'bertscore' needs field 'bertScoreModel' (a BERT model folder).");
        }

        return this;
    }
}
