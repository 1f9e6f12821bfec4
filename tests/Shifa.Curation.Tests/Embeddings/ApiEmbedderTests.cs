// API embeddings through the OpenAI client and IEmbeddingGenerator, with the workspace cache in front.
using Shifa.Curation.Embeddings;
using Shifa.Curation.Pipeline;
using Shifa.Curation.Tests.Fixtures;

namespace Shifa.Curation.Tests.Embeddings;

public sealed class ApiEmbedderTests
{
    [Fact]
    public async Task Api_embeddings_survive_a_rate_limit_and_are_asked_once_per_text_and_model()
    {
        using var server = new FakeOpenAiServer(rateLimitFirst: 1);
        using var ws = new TestWorkspace();
        var keyVariable = "SHIFA_TEST_EMBED_KEY_" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable(keyVariable, "sk-local-test");
        var options = new EmbedderOptions { Kind = "openai", Model = "text-embedding-3-small", Endpoint = server.Endpoint, ApiKeyVariable = keyVariable };

        var (first, fingerprint) = EmbedderFactory.Create(options, [], ws.Workspace);
        var a = await first.GenerateAsync(["صداع شديد", "حرارة", "صداع شديد"]);
        Assert.Equal(FakeOpenAiServer.VectorOf("حرارة"), a[1].Vector.ToArray());
        Assert.Equal(a[0].Vector.ToArray(), a[2].Vector.ToArray());
        Assert.Equal(2, server.Requests);
        Assert.Equal(["صداع شديد", "حرارة"], server.Batches.Single());
        Assert.All(server.Authorizations, h => Assert.Equal("Bearer sk-local-test", h));

        // A new generator over the same workspace asks only for the text it has not seen.
        var (second, again) = EmbedderFactory.Create(options, [], ws.Workspace);
        var b = await second.GenerateAsync(["حرارة", "كحة"]);
        Assert.Equal(fingerprint, again);
        Assert.Equal(["كحة"], server.Batches[^1]);
        Assert.Equal(FakeOpenAiServer.VectorOf("حرارة"), b[0].Vector.ToArray());

        // Another model is another cache key.
        var (third, other) = EmbedderFactory.Create(options with { Model = "text-embedding-3-large" }, [], ws.Workspace);
        await third.GenerateAsync(["حرارة"]);
        Assert.NotEqual(fingerprint, other);
        Assert.Equal(["حرارة"], server.Batches[^1]);
    }

    [Fact]
    public void A_missing_api_key_is_reported_with_the_variable_name()
    {
        var options = new EmbedderOptions { Kind = "openai", Model = "m", ApiKeyVariable = "SHIFA_TEST_UNSET_" + Guid.NewGuid().ToString("N")[..8] };
        var e = Assert.Throws<InvalidOperationException>(() => EmbedderFactory.Create(options, [], null));
        Assert.Contains(options.ApiKeyVariable, e.Message);
    }
}
