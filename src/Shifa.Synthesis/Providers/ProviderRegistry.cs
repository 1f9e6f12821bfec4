// Builds a provider's IChatClient pipeline: retry → rate limits → spend meter/budget → per-attempt timeout → refusal circuit → logging → OpenAI SDK client.
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using Shifa.Synthesis.Pipeline;

namespace Shifa.Synthesis.Providers;

/// <summary>Creates chat clients for configured providers.</summary>
public static class ProviderRegistry
{
    /// <summary>
    /// Builds the layered client for <paramref name="settings"/>. Outermost first: retries, so every attempt
    /// passes the rate limiter and the budget again; then the per-attempt timeout, so permit waits never
    /// count against it; innermost, the refusal circuit, so that after a 401/403/404 nothing more is sent.
    /// The key is read from the environment here and
    /// lives only inside the SDK client.
    /// </summary>
    public static IChatClient Build(ProviderSettings settings, PriceTable prices, SpendBudget budget, ILoggerFactory? loggerFactory = null,
        Func<string, string?>? environment = null)
    {
        if (settings.Kind == ProviderKind.Offline)
        {
            throw new ArgumentException($"Provider '{settings.Name}' is the offline augmenter; it has no chat client.", nameof(settings));
        }

        var model = settings.ResolvedModel;
        var price = prices.Find(model);
        if (price is null)
        {
            if (budget.IsCapped)
            {
                throw new InvalidOperationException($"Model '{model}' has no price in {prices.Source}; add it there (USD per 1M tokens) before using --budget.");
            }

            price = new ModelPrice { InputPerMTok = 0, OutputPerMTok = 0 };
        }

        var key = ReadKey(settings, environment ?? Environment.GetEnvironmentVariable);
        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var sdkOptions = new OpenAIClientOptions
        {
            Endpoint = settings.ResolvedBaseUrl,
            // Retries are Shifa's own layer (honouring Retry-After, counted and recorded); the SDK must not retry underneath it.
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = timeout + TimeSpan.FromSeconds(30),
        };
        IChatClient wire = new ChatClient(model, new ApiKeyCredential(key), sdkOptions).AsIChatClient();

        var requests = settings.RequestsPerMinute is { } rpm ? RateLimitingChatClient.PerMinute(rpm) : null;
        var tokenLimiter = settings.TokensPerMinute is { } tpm ? RateLimitingChatClient.PerMinute(tpm, burstSeconds: 10) : null;
        var tokenPermitLimit = settings.TokensPerMinute is { } t ? Math.Max(1, (long)(t / 6.0)) : long.MaxValue;
        var builder = new ChatClientBuilder(wire)
            .Use(inner => new RetryingChatClient(inner, new RetryOptions
            {
                MaxRetries = settings.MaxRetries,
                BaseDelay = TimeSpan.FromSeconds(settings.RetryBaseDelaySeconds),
            }))
            .Use(inner => new RateLimitingChatClient(inner, requests, tokenLimiter, settings.MaxOutputTokens, tokenPermitLimit))
            .Use(inner => new SpendMeteringChatClient(inner, settings.Name, model, price, budget, settings.MaxOutputTokens))
            .Use(inner => new TimeoutChatClient(inner, timeout))
            // Innermost: a refusal seen by one worker stops every later request of every worker before it is sent.
            .Use(inner => new RefusalCircuitChatClient(inner));
        if (loggerFactory is not null)
        {
            builder.UseLogging(loggerFactory);
        }

        return builder.Build();
    }

    private static string ReadKey(ProviderSettings settings, Func<string, string?> environment)
    {
        if (settings.ApiKeyEnv is null)
        {
            if (settings.Kind != ProviderKind.OpenAICompatible)
            {
                throw new InvalidOperationException($"Provider '{settings.Name}' needs 'apiKeyEnv', the name of the environment variable holding its key.");
            }

            // Local servers ignore the key, but the SDK requires one.
            return "none";
        }

        var key = environment(settings.ApiKeyEnv);
        return string.IsNullOrWhiteSpace(key)
            ? throw new InvalidOperationException($"Provider '{settings.Name}': set the environment variable {settings.ApiKeyEnv} to its API key (Shifa reads it from the environment and never stores it), or use --provider offline.")
            : key;
    }
}
