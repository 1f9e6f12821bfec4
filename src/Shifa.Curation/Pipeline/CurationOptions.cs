// Every threshold of the curation chain in one plain record, bound from JSON (the "curation" section of a Shifa config).
using System.Text.Json;
using System.Text.Json.Serialization;
using Shifa.Curation.Judging;

namespace Shifa.Curation.Pipeline;

/// <summary>
/// Settings of <c>shifa curate</c>. Each stage hashes only the fields it reads, so changing one
/// threshold re-decides only the stages that use it. Defaults are tuned for short Arabic medical QA pairs.
/// </summary>
public sealed record CurationOptions
{
    /// <summary>Which records are curated: <c>synthetic</c> (default; real records are the reference), <c>real</c> or <c>all</c>.</summary>
    public string Scope { get; init; } = "synthetic";

    /// <summary>Stage names to leave out of the chain (e.g. <c>specialty</c>).</summary>
    public IReadOnlyList<string> DisabledStages { get; init; } = [];

    /// <summary>The embedder used by the semantic stages.</summary>
    public EmbedderOptions Embedder { get; init; } = new();

    /// <summary>The optional LLM judge (off by default).</summary>
    public JudgeOptions Judge { get; init; } = new();

    /// <summary>Minimum question length in characters (after trimming).</summary>
    public int MinQuestionChars { get; init; } = 10;

    /// <summary>Maximum question length in characters.</summary>
    public int MaxQuestionChars { get; init; } = 4000;

    /// <summary>Minimum answer length in characters.</summary>
    public int MinAnswerChars { get; init; } = 20;

    /// <summary>Maximum answer length in characters.</summary>
    public int MaxAnswerChars { get; init; } = 6000;

    /// <summary>Minimum share of Arabic letters among all letters, for question and answer separately.</summary>
    public double MinArabicRatio { get; init; } = 0.6;

    /// <summary>Longest allowed run of consecutive Latin-script words (medical abbreviations such as "MRI 3T" stay well below).</summary>
    public int MaxLatinWordRun { get; init; } = 5;

    /// <summary>Most letters from scripts other than Arabic and Latin (Cyrillic, CJK, Devanagari...) tolerated.</summary>
    public int MaxOtherScriptLetters { get; init; } = 2;

    /// <summary>Minimum share of distinct word trigrams among all trigrams of the answer (below it the text loops).</summary>
    public double MinDistinctTrigramShare { get; init; } = 0.5;

    /// <summary>Longest allowed run of one repeated character (e.g. "ههههههه", "!!!!!!!!").</summary>
    public int MaxCharRun { get; init; } = 8;

    /// <summary>Drop records whose text contains personal data found by the PII scrubber.</summary>
    public bool DropOnPii { get; init; } = true;

    /// <summary>Share of the answer's character shingles found in the question at or above which the answer only restates it.</summary>
    public double RestatementContainment { get; init; } = 0.8;

    /// <summary>The labelled specialty must be among this many nearest seed-specialty centroids.</summary>
    public int SpecialtyTopK { get; init; } = 5;

    /// <summary>Specialties with fewer seed records than this get no centroid (records labelled with them are kept, reason says why).</summary>
    public int SpecialtyMinSeedRecords { get; init; } = 3;

    /// <summary>Character shingle length for MinHash (over ForMatching-normalized text, whitespace collapsed).</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>MinHash signature length.</summary>
    public int MinHashPermutations { get; init; } = 128;

    /// <summary>LSH bands for near-duplicate search (rows per band = permutations / bands).</summary>
    public int LshBands { get; init; } = 32;

    /// <summary>Character-shingle Jaccard at or above which two records are near duplicates.</summary>
    public double NearDuplicateJaccard { get; init; } = 0.7;

    /// <summary>Embedding cosine at or above which two records are semantic duplicates.</summary>
    public double SemanticDuplicateCosine { get; init; } = 0.95;

    /// <summary>Jaccard to a test record at or above which a record leaks the test split (lower than dedup: light edits must still be caught).</summary>
    public double LeakageJaccard { get; init; } = 0.5;

    /// <summary>Cosine to a test record at or above which a record leaks the test split.</summary>
    public double LeakageCosine { get; init; } = 0.85;

    /// <summary>Relevance band [low, high] on the cosine to the nearest seed record: below is off-topic, above is a copy of an exemplar.</summary>
    public IReadOnlyList<double> RelevanceBand { get; init; } = [0.2, 0.92];

    /// <summary>Reads options from a JSON file: either the curation object itself or a Shifa config with a <c>curation</c> section.</summary>
    public static CurationOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Curation config '{path}' does not exist.", path);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path}: expected a JSON object (the curation settings or a Shifa config with a 'curation' section).");
        }

        if (!root.TryGetProperty("curation", out var node))
        {
            if (LooksLikePipelineConfig(root))
            {
                return new CurationOptions().Validated(path);
            }

            node = root;
        }

        try
        {
            var o = node.Deserialize<CurationOptions>(JsonOptions) ?? new CurationOptions();
            return o.Validated(path);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: curation config is invalid at {e.Path}: {e.Message}", e);
        }
    }

    /// <summary>Checks every field and returns this instance; the message names the field and the accepted range.</summary>
    public CurationOptions Validated(string source = "curation options")
    {
        void Require(bool ok, string field, string rule)
        {
            if (!ok)
            {
                throw new InvalidDataException($"{source}: '{field}' {rule}.");
            }
        }

        Require(Scope is "synthetic" or "real" or "all", "scope", "must be synthetic, real or all");
        Require(MinQuestionChars >= 0 && MaxQuestionChars > MinQuestionChars, "minQuestionChars/maxQuestionChars", "must satisfy 0 <= min < max");
        Require(MinAnswerChars >= 0 && MaxAnswerChars > MinAnswerChars, "minAnswerChars/maxAnswerChars", "must satisfy 0 <= min < max");
        Require(MinArabicRatio is >= 0 and <= 1, "minArabicRatio", "must be in [0, 1]");
        Require(MaxLatinWordRun >= 1, "maxLatinWordRun", "must be at least 1");
        Require(MaxOtherScriptLetters >= 0, "maxOtherScriptLetters", "must be at least 0");
        Require(MinDistinctTrigramShare is >= 0 and <= 1, "minDistinctTrigramShare", "must be in [0, 1]");
        Require(MaxCharRun >= 2, "maxCharRun", "must be at least 2");
        Require(RestatementContainment is > 0 and <= 1, "restatementContainment", "must be in (0, 1]");
        Require(SpecialtyTopK >= 1, "specialtyTopK", "must be at least 1");
        Require(SpecialtyMinSeedRecords >= 1, "specialtyMinSeedRecords", "must be at least 1");
        Require(ShingleSize is >= 2 and <= 16, "shingleSize", "must be in [2, 16]");
        Require(MinHashPermutations is >= 16 and <= 1024 && MinHashPermutations % 16 == 0, "minHashPermutations", "must be a multiple of 16 in [16, 1024]");
        Require(LshBands >= 1 && MinHashPermutations % LshBands == 0, "lshBands", "must divide minHashPermutations");
        Require(NearDuplicateJaccard is > 0 and <= 1, "nearDuplicateJaccard", "must be in (0, 1]");
        Require(SemanticDuplicateCosine is > 0 and <= 1, "semanticDuplicateCosine", "must be in (0, 1]");
        Require(LeakageJaccard is > 0 and <= 1, "leakageJaccard", "must be in (0, 1]");
        Require(LeakageCosine is > 0 and <= 1, "leakageCosine", "must be in (0, 1]");
        Require(RelevanceBand.Count == 2 && RelevanceBand[0] < RelevanceBand[1] && RelevanceBand[0] >= -1 && RelevanceBand[1] <= 1, "relevanceBand", "must be [low, high] with -1 <= low < high <= 1");
        Embedder.Validate(source);
        Judge.Validate(source);
        return this;
    }

    /// <summary>JSON settings used for config files and for the hashed stage fingerprints.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    // A whole pipeline config without a curation section means "use the defaults", not "everything unknown".
    private static bool LooksLikePipelineConfig(JsonElement root) =>
        root.TryGetProperty("seed", out _) || root.TryGetProperty("synthesis", out _) || root.TryGetProperty("models", out _);
}
