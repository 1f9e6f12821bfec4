// Turns EmbedderOptions into an IEmbeddingGenerator plus the fingerprint its cached vectors are keyed by.
using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using Shifa.Core.Hashing;
using Shifa.Core.Storage;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Embeddings;

/// <summary>Creates the configured embedder.</summary>
public static class EmbedderFactory
{
    /// <summary>
    /// Builds the embedder of <paramref name="options"/>. The hashed embedder fits its IDF on
    /// <paramref name="fitCorpus"/> (the seed texts); API embedders are wrapped in a <see cref="WorkspaceEmbeddingCache"/>.
    /// </summary>
    public static (IEmbeddingGenerator<string, Embedding<float>> Generator, string Fingerprint) Create(EmbedderOptions options, IReadOnlyList<string> fitCorpus, Workspace? workspace)
    {
        switch (options.Kind)
        {
            case "hashed":
                var h = HashedNgramEmbedder.Fit(fitCorpus, new HashedNgramOptions { Dimensions = options.Dimensions, NgramMin = options.NgramMin, NgramMax = options.NgramMax });
                return (h, h.Fingerprint);
            case "onnx":
                var o = OnnxEmbedder.Load(options.ModelPath!, options.MaxTokens);
                return (o, o.Fingerprint);
            case "openai":
                var key = Environment.GetEnvironmentVariable(options.ApiKeyVariable);
                if (string.IsNullOrWhiteSpace(key))
                {
                    throw new InvalidOperationException($"embedder.kind is openai but the environment variable {options.ApiKeyVariable} is empty; set it to your API key or use kind 'hashed' to stay offline.");
                }

                var clientOptions = new OpenAIClientOptions();
                if (options.Endpoint is not null)
                {
                    clientOptions.Endpoint = new Uri(options.Endpoint);
                }

                var inner = new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator();
                var modelKey = (options.Endpoint ?? "openai") + "|" + options.Model;
                IEmbeddingGenerator<string, Embedding<float>> generator = workspace is null ? inner : new WorkspaceEmbeddingCache(inner, workspace, modelKey);
                return (generator, ContentHash.Short(16, "openai/v1", modelKey));
            default:
                throw new InvalidDataException($"Unknown embedder kind '{options.Kind}'; use hashed, onnx or openai.");
        }
    }
}
