// The one configuration file of a Shifa run; its JSON Schema is shifa-config.schema.json beside this file.
using System.Text.Json.Serialization;

namespace Shifa.Cli.Pipeline.Config;

/// <summary>A whole pipeline run. Paths are absolute after loading (resolved against the config file's folder).</summary>
public sealed record PipelineConfig
{
    /// <summary>Run name used in report titles.</summary>
    public string Name { get; init; } = "shifa";

    /// <summary>Seed data.</summary>
    public required SeedConfig Seed { get; init; }

    /// <summary>Splits.</summary>
    public SplitConfig Split { get; init; } = new();

    /// <summary>Synthesis providers and budget.</summary>
    public SynthesisConfig Synthesis { get; init; } = new();

    /// <summary>Curation thresholds.</summary>
    public CurationConfig Curation { get; init; } = new();

    /// <summary>Expert review gate.</summary>
    public ReviewConfig Review { get; init; } = new();

    /// <summary>Training data conditions, e.g. <c>original</c>, <c>original+offline</c>.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = ["original"];

    /// <summary>Models to train per condition.</summary>
    public IReadOnlyList<ModelConfigEntry> Models { get; init; } = [];

    /// <summary>Evaluation settings.</summary>
    public EvaluationConfig Evaluation { get; init; } = new();

    /// <summary>Serving settings.</summary>
    public ServeConfig Serve { get; init; } = new();
}

/// <summary>Seed file and how to read it.</summary>
public sealed record SeedConfig
{
    /// <summary>Seed file path.</summary>
    public required string Path { get; init; }

    /// <summary>Record field → column name.</summary>
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();

    /// <summary>Source dataset name.</summary>
    public string Source { get; init; } = "seed";

    /// <summary>auto, utf-8 or windows-1256.</summary>
    public string Encoding { get; init; } = "auto";

    /// <summary>Licence of the seed text.</summary>
    public string? Licence { get; init; }
}

/// <summary>Split fractions and seed.</summary>
public sealed record SplitConfig
{
    /// <summary>Split seed; the same default as <c>shifa split</c>.</summary>
    public int Seed { get; init; } = Shifa.Core.Splitting.SplitOptions.DefaultSeed;

    /// <summary>Validation fraction.</summary>
    public double Val { get; init; } = 0.1;

    /// <summary>Test fraction.</summary>
    public double Test { get; init; } = 0.1;
}

/// <summary>Synthesis section.</summary>
public sealed record SynthesisConfig
{
    /// <summary>Providers file (JSON) naming endpoints and key variables.</summary>
    public string? ProvidersFile { get; init; }

    /// <summary>
    /// Hard spending cap in US dollars on all providers together: the workspace's total recorded spend
    /// (every provider, earlier and killed runs included) stays under it.
    /// </summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Seed for plans and the offline augmenter.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Providers to run.</summary>
    public IReadOnlyList<ProviderRun> Providers { get; init; } = [];
}

/// <summary>One provider's share of synthesis.</summary>
public sealed record ProviderRun
{
    /// <summary>Provider name.</summary>
    public required string Name { get; init; }

    /// <summary>Model override.</summary>
    public string? Model { get; init; }

    /// <summary>QA pairs to generate.</summary>
    public int Count { get; init; }

    /// <summary>Pairs asked for per request.</summary>
    public int? PairsPerRequest { get; init; }

    /// <summary>Requests in flight.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Optional cap on this provider's own recorded spend, in US dollars, within the total <c>synthesis.budgetUsd</c>.</summary>
    public decimal? BudgetUsd { get; init; }
}

/// <summary>Curation thresholds.</summary>
public sealed record CurationConfig
{
    /// <summary>MinHash Jaccard at or above which two records are near duplicates.</summary>
    public double? NearDuplicateJaccard { get; init; }

    /// <summary>Cosine at or above which two records are semantic duplicates.</summary>
    public double? SemanticDuplicateCosine { get; init; }

    /// <summary>[low, high] cosine band to the nearest seed record.</summary>
    public IReadOnlyList<double>? RelevanceBand { get; init; }

    /// <summary>Minimum Arabic-letter share.</summary>
    public double? MinArabicRatio { get; init; }

    /// <summary>
    /// Embedder, in the forms <c>shifa curate --config</c> accepts too: a string (<c>builtin</c>,
    /// <c>openai:MODEL</c> or an ONNX model folder) or an <c>EmbedderOptions</c> object.
    /// </summary>
    public System.Text.Json.JsonElement? Embedder { get; init; }
}

/// <summary>Expert review gate.</summary>
public sealed record ReviewConfig
{
    /// <summary><c>skip</c> or <c>wait</c>.</summary>
    public string Gate { get; init; } = "skip";

    /// <summary>Target margin of error of the acceptance estimate.</summary>
    public double MarginOfError { get; init; } = 0.05;
}

/// <summary>A model to train.</summary>
public sealed record ModelConfigEntry
{
    /// <summary>Model name (folder under models/).</summary>
    public required string Name { get; init; }

    /// <summary>Preset or HF folder.</summary>
    public required string Base { get; init; }

    /// <summary>Epochs.</summary>
    public int? Epochs { get; init; }

    /// <summary>Step cap.</summary>
    public int? MaxSteps { get; init; }

    /// <summary>LoRA settings such as <c>r=16,alpha=32</c>.</summary>
    public string? Lora { get; init; }

    /// <summary>cpu or cuda.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Training precision: fp32, bf16 or auto (as <c>shifa train --precision</c>).</summary>
    public string Precision { get; init; } = "auto";
}

/// <summary>Evaluation section.</summary>
public sealed record EvaluationConfig
{
    /// <summary>Metrics to compute.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = ["chrf", "rougeL"];

    /// <summary>Extra systems (retrieval, provider:NAME).</summary>
    public IReadOnlyList<string> Systems { get; init; } = ["retrieval"];

    /// <summary>Cap on evaluated test items.</summary>
    public int? MaxItems { get; init; }

    /// <summary>Generation length.</summary>
    public int MaxNewTokens { get; init; } = 96;

    /// <summary>BERTScore encoder, used only when configured.</summary>
    public BertScoreConfig? BertScore { get; init; }
}

/// <summary>BERTScore settings.</summary>
public sealed record BertScoreConfig
{
    /// <summary>Encoder folder.</summary>
    public string? Model { get; init; }

    /// <summary>Layer.</summary>
    public int? Layer { get; init; }

    /// <summary>idf weighting.</summary>
    public bool Idf { get; init; }

    /// <summary>Rescale baseline file.</summary>
    public string? Baseline { get; init; }
}

/// <summary>Serving defaults.</summary>
public sealed record ServeConfig
{
    /// <summary>retrieval, model:NAME or provider:NAME.</summary>
    public string Backend { get; init; } = "retrieval";

    /// <summary>Listen URLs.</summary>
    [JsonPropertyName("urls")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";
}
