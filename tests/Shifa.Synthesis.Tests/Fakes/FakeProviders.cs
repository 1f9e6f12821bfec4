using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Providers;
using Shifa.Synthesis.Storage;

namespace Shifa.Synthesis.Tests.Fakes;

public static class FakeProviders
{
    /// <summary>An openai-compatible provider pointed at the fake server, priced as gpt-4o, with test-sized timeouts.</summary>
    public static ProviderSettings Fake(string baseUrl, string name = "fake", double timeoutSeconds = 0.5, int maxRetries = 6, int parseAttempts = 3, int concurrency = 16) => new()
    {
        Name = name,
        Kind = ProviderKind.OpenAICompatible,
        Model = "gpt-4o",
        BaseUrl = new Uri(baseUrl + "/v1/"),
        TimeoutSeconds = timeoutSeconds,
        MaxRetries = maxRetries,
        RetryBaseDelaySeconds = 0.01,
        MaxParseAttempts = parseAttempts,
        MaxConcurrency = concurrency,
        MaxOutputTokens = 1024,
    };

    public static GenerationPlan Plan(SynthesisStore store, string provider, int records, int pairs = 2, string? promptVersion = null) =>
        SynthesisRunner.Plan(store, new PlanOptions
        {
            Provider = provider,
            TargetRecords = records,
            PairsPerItem = pairs,
            PromptVersion = promptVersion ?? Shifa.Synthesis.Prompts.PromptLibrary.Current.Version,
        }).Plan;
}
