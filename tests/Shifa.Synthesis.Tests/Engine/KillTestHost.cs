// Child-process side of the kill test: runs the engine against the fake server until done or killed.
using System.Globalization;
using Shifa.Core.Storage;
using Shifa.Synthesis.Engine;
using Shifa.Synthesis.Storage;
using Shifa.Synthesis.Tests.Fakes;

namespace Shifa.Synthesis.Tests.Engine;

public static class KillTestHost
{
    public const string Verb = "run-engine";

    /// <summary>args: run-engine WORKSPACE BASEURL BUDGET_USD CONCURRENCY</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5 || args[0] != Verb)
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} WORKSPACE BASEURL BUDGET CONCURRENCY");
            return 2;
        }

        var store = new SynthesisStore(Workspace.Open(args[1], SynthesisSchema.Instance));
        var summary = await SynthesisRunner.RunAsync(store, new RunRequest
        {
            Provider = FakeProviders.Fake(args[2], timeoutSeconds: 5),
            BudgetUsd = decimal.Parse(args[3], CultureInfo.InvariantCulture),
            MaxConcurrency = int.Parse(args[4], CultureInfo.InvariantCulture),
        });
        Console.WriteLine($"done={summary.Done} failed={summary.Failed} left={summary.NotStarted} stop={summary.StopReason}");
        return 0;
    }
}
