// Which embedder the semantic stages use and how to reach it.
namespace Shifa.Curation.Pipeline;

/// <summary>
/// Embedder selection: <c>hashed</c> (built-in character n-gram TF-IDF, offline default), <c>onnx</c>
/// (a local sentence-embedding folder) or <c>openai</c> (an OpenAI-compatible embeddings endpoint, cached in the workspace).
/// </summary>
public sealed record EmbedderOptions
{
    /// <summary><c>hashed</c>, <c>onnx</c> or <c>openai</c>.</summary>
    public string Kind { get; init; } = "hashed";

    /// <summary>Vector length of the hashed embedder.</summary>
    public int Dimensions { get; init; } = 256;

    /// <summary>Shortest character n-gram of the hashed embedder.</summary>
    public int NgramMin { get; init; } = 2;

    /// <summary>Longest character n-gram of the hashed embedder.</summary>
    public int NgramMax { get; init; } = 4;

    /// <summary>Folder holding <c>model.onnx</c> and <c>vocab.txt</c> or <c>sentencepiece.bpe.model</c> (kind <c>onnx</c>).</summary>
    public string? ModelPath { get; init; }

    /// <summary>Longest token sequence fed to the ONNX model.</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Model id for API embeddings (kind <c>openai</c>), e.g. <c>text-embedding-3-small</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Base URL of an OpenAI-compatible endpoint (Gemini's, a local server...); null for OpenAI itself.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Environment variable that holds the API key.</summary>
    public string ApiKeyVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>Throws with the field name when a setting is out of range.</summary>
    public void Validate(string source)
    {
        void Require(bool ok, string field, string rule)
        {
            if (!ok)
            {
                throw new InvalidDataException($"{source}: 'embedder.{field}' {rule}.");
            }
        }

        Require(Kind is "hashed" or "onnx" or "openai", "kind", "must be hashed, onnx or openai");
        Require(Dimensions is >= 16 and <= 4096 && Dimensions % 16 == 0, "dimensions", "must be a multiple of 16 in [16, 4096]");
        Require(NgramMin >= 1 && NgramMax >= NgramMin && NgramMax <= 8, "ngramMin/ngramMax", "must satisfy 1 <= min <= max <= 8");
        Require(Kind != "onnx" || !string.IsNullOrWhiteSpace(ModelPath), "modelPath", "is required when kind is onnx");
        Require(Kind != "openai" || !string.IsNullOrWhiteSpace(Model), "model", "is required when kind is openai");
        Require(MaxTokens is >= 8 and <= 8192, "maxTokens", "must be in [8, 8192]");
    }
}
