using Shifa.Cli.Commands.Synthesis;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the synthesis commands.</summary>
internal static class SynthesisCommands
{
    public static IConfigurator AddSynthesisCommands(this IConfigurator config)
    {
        config.AddBranch("synthesize", branch =>
        {
            branch.SetDescription("Generate new question–answer pairs grounded in the seed (LLM providers or the offline augmenter).");
            branch.AddCommand<SynthesizePlanCommand>("plan").WithDescription("Build the deterministic list of work items for a provider from the workspace's real records.");
            branch.AddCommand<SynthesizeRunCommand>("run").WithDescription("Run a provider's pending work items: resumable, rate-limited, within a hard budget.");
            branch.AddCommand<SynthesizeBatchCommand>("batch").WithDescription("Run pending items through the OpenAI Batch API (about half price); resumes an open batch first.");
            branch.AddCommand<SynthesizeStatusCommand>("status").WithDescription("Per provider: items done/failed/pending, records, tokens, cost, error kinds, latency.");
        });
        return config;
    }
}
