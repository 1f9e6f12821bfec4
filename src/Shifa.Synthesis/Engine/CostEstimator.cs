// Dry run: renders each pending item's prompt and prices it without calling anyone.
using Shifa.Core.Records;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Planning;
using Shifa.Synthesis.Prompts;

namespace Shifa.Synthesis.Engine;

/// <summary>Estimates the tokens and cost of running items.</summary>
public static class CostEstimator
{
    /// <summary>Typical output tokens of one Arabic question–answer pair (about 1,000 characters with JSON).</summary>
    public const int TokensPerPair = 350;

    /// <summary>Estimates <paramref name="items"/> at <paramref name="price"/>.</summary>
    public static CostEstimate Estimate(IReadOnlyList<WorkItem> items, IReadOnlyDictionary<string, QaRecord> seed, ModelPrice price, int maxOutputTokens)
    {
        long input = 0, output = 0;
        decimal cost = 0, worst = 0;
        foreach (var item in items)
        {
            var exemplars = item.ExemplarIds.Where(seed.ContainsKey).Select(id => seed[id]).ToList();
            var messages = PromptLibrary.Get(item.PromptVersion).Render(item, exemplars);
            var typical = TokenEstimator.Typical(messages);
            var outTokens = Math.Min(maxOutputTokens, (long)item.Pairs * TokensPerPair);
            input += typical;
            output += outTokens;
            cost += price.Cost(new TokenUsage(typical, outTokens, 0, 0, typical + outTokens));
            var upper = TokenEstimator.UpperBound(messages, null);
            worst += price.Cost(new TokenUsage(upper, maxOutputTokens, 0, 0, upper + maxOutputTokens));
        }

        return new CostEstimate(items.Count, input, output, cost, worst);
    }
}
