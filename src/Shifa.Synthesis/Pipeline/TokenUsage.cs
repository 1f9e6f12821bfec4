namespace Shifa.Synthesis.Pipeline;

/// <summary>Token counts of one response as the provider reported them.</summary>
/// <param name="Input">Prompt tokens (including cached ones).</param>
/// <param name="Output">Completion tokens as reported.</param>
/// <param name="Cached">Prompt tokens served from the provider's cache.</param>
/// <param name="Reasoning">Reasoning tokens reported inside the completion count.</param>
/// <param name="Total">Total as reported; for Gemini this also counts thinking tokens missing from <paramref name="Output"/>.</param>
public sealed record TokenUsage(long Input, long Output, long Cached, long Reasoning, long Total)
{
    /// <summary>Output tokens billed: the reported completion plus any tokens the total counts beyond input and output (Gemini's thoughts).</summary>
    public long BilledOutput => Math.Max(Output, Total - Input);

    /// <summary>Reads the counts of a Microsoft.Extensions.AI usage object; null when the provider sent none.</summary>
    public static TokenUsage? From(Microsoft.Extensions.AI.UsageDetails? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var input = usage.InputTokenCount ?? 0;
        var output = usage.OutputTokenCount ?? 0;
        return new TokenUsage(input, output, usage.CachedInputTokenCount ?? 0, usage.ReasoningTokenCount ?? 0, usage.TotalTokenCount ?? input + output);
    }
}
