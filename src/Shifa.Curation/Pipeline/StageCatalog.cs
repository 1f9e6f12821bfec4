// The default chain, in order: cheap per-record rules, test leakage, dedup (against the seed and within the set), then the relevance band.
using Microsoft.Extensions.AI;
using Shifa.Curation.Dedup;
using Shifa.Curation.Judging;
using Shifa.Curation.Leakage;
using Shifa.Curation.Relevance;
using Shifa.Curation.Rules;

namespace Shifa.Curation.Pipeline;

/// <summary>Builds the ordered stage list from options.</summary>
public static class StageCatalog
{
    /// <summary>Names of all stages in chain order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "schema", "arabic-script", "foreign-language", "degenerate", "meta-text", "pii", "restatement",
        "leakage", "specialty", "exact-dup", "near-dup", "semantic-dup", "relevance",
    ];

    /// <summary>The chain for <paramref name="options"/>, without its disabled stages; the judge is appended when enabled.</summary>
    public static IReadOnlyList<IRecordFilter> Build(CurationOptions options, IChatClient? judge = null)
    {
        var unknown = options.DisabledStages.Where(s => !Names.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"disabledStages names unknown stage(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Names)}.");
        }

        IRecordFilter[] all =
        [
            new SchemaBoundsFilter(options), new ArabicScriptFilter(options), new LanguageLeakageFilter(options),
            new DegenerateTextFilter(options), new MetaTextFilter(), new PiiFilter(options), new RestatementFilter(options),
            new LeakageFilter(options), new SpecialtyConsistencyFilter(options),
            new ExactDuplicateFilter(), new NearDuplicateFilter(options), new SemanticDuplicateFilter(options),
            new RelevanceBandFilter(options),
        ];
        var chain = all.Where(s => !options.DisabledStages.Contains(s.Identity.Name)).ToList();
        if (options.Judge.Enabled)
        {
            chain.Add(new LlmJudgeFilter(options, judge ?? throw new InvalidOperationException("judge.enabled is true but no chat client was supplied.")));
        }

        return chain;
    }
}
