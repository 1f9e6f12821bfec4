namespace Shifa.Curation.Judging;

/// <summary>
/// The optional LLM judge (off by default): a medical rubric scored by a chat model through an
/// OpenAI-compatible endpoint, answers cached in the workspace.
/// </summary>
public sealed record JudgeOptions
{
    /// <summary>Adds the <c>llm-judge</c> stage at the end of the chain.</summary>
    public bool Enabled { get; init; }

    /// <summary>Chat model id, e.g. <c>gpt-4o-mini</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Base URL of an OpenAI-compatible endpoint; null for OpenAI itself.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Environment variable that holds the API key.</summary>
    public string ApiKeyVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>Share of records judged (chosen by a hash of the id, so the sample is stable); the rest are kept unjudged.</summary>
    public double SampleShare { get; init; } = 1.0;

    /// <summary>A record is dropped when any criterion scores below this (scores are 1–5).</summary>
    public int MinScore { get; init; } = 3;

    /// <summary>Requests in flight at once.</summary>
    public int MaxParallel { get; init; } = 4;

    /// <summary>Throws with the field name when a setting is out of range.</summary>
    public void Validate(string source)
    {
        void Require(bool ok, string field, string rule)
        {
            if (!ok)
            {
                throw new InvalidDataException($"{source}: 'judge.{field}' {rule}.");
            }
        }

        Require(!Enabled || !string.IsNullOrWhiteSpace(Model), "model", "is required when the judge is enabled");
        Require(SampleShare is > 0 and <= 1, "sampleShare", "must be in (0, 1]");
        Require(MinScore is >= 1 and <= 5, "minScore", "must be in [1, 5]");
        Require(MaxParallel is >= 1 and <= 64, "maxParallel", "must be in [1, 64]");
    }
}
