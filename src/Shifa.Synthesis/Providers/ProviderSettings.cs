namespace Shifa.Synthesis.Providers;

/// <summary>One provider entry of the providers file. Keys never appear here, only the name of the variable holding them.</summary>
public sealed record ProviderSettings
{
    /// <summary>Name used on the command line and in provenance.</summary>
    public required string Name { get; init; }

    /// <summary>Provider kind.</summary>
    public required ProviderKind Kind { get; init; }

    /// <summary>Model id.</summary>
    public string? Model { get; init; }

    /// <summary>Base URL of the chat-completions API (required for openai-compatible).</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Environment variable holding the API key.</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Requests per minute allowed (null: unthrottled).</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tokens per minute allowed (null: unthrottled).</summary>
    public int? TokensPerMinute { get; init; }

    /// <summary>Items in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Time limit of one request.</summary>
    public double TimeoutSeconds { get; init; } = 120;

    /// <summary>Transport retries per request (429, 5xx, timeouts, resets).</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>First retry delay in seconds (doubled each retry, with jitter).</summary>
    public double RetryBaseDelaySeconds { get; init; } = 1;

    /// <summary>Re-asks per item after malformed, truncated or wrong-schema output.</summary>
    public int MaxParseAttempts { get; init; } = 3;

    /// <summary>Output token limit per request.</summary>
    public int MaxOutputTokens { get; init; } = 4096;

    /// <summary>Sampling temperature.</summary>
    public float? Temperature { get; init; } = 0.9f;

    /// <summary>Ask the server to enforce the JSON schema (turn off for servers without structured output).</summary>
    public bool EnforceSchema { get; init; } = true;

    /// <summary>Model id, or the kind's default (gpt-4o, gemini-2.5-pro).</summary>
    public string ResolvedModel => Model ?? Kind switch
    {
        ProviderKind.OpenAI => "gpt-4o",
        ProviderKind.Gemini => "gemini-2.5-pro",
        ProviderKind.Offline => Offline.OfflineAugmenter.ModelName,
        _ => throw new InvalidOperationException($"Provider '{Name}': set 'model' (openai-compatible servers have no default model)."),
    };

    /// <summary>Base URL, or the kind's default endpoint.</summary>
    public Uri ResolvedBaseUrl => BaseUrl ?? Kind switch
    {
        ProviderKind.OpenAI => new Uri("https://api.openai.com/v1/"),
        ProviderKind.Gemini => new Uri("https://generativelanguage.googleapis.com/v1beta/openai/"),
        _ => throw new InvalidOperationException($"Provider '{Name}': set 'baseUrl' (e.g. http://127.0.0.1:11434/v1/)."),
    };
}
