using System.Globalization;
using Shifa.Core.Storage;
using Shifa.Synthesis.Status;
using Shifa.Synthesis.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Synthesis;

/// <summary><c>shifa synthesize status</c>.</summary>
internal sealed class SynthesizeStatusCommand : Command<SynthesisSettings>
{
    public override int Execute(CommandContext context, SynthesisSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var store = new SynthesisStore(Workspace.Open(settings.Workspace, SynthesisSchema.Instance));
            var stats = SynthesisStatus.Read(store);
            var table = new Table().AddColumns("provider", "done", "failed", "pending", "records", "input tok", "output tok", "cost $", "ledger $", "p50 ms", "p95 ms", "error kinds");
            string F(double? v) => v is null ? "-" : v.Value.ToString("0", CultureInfo.InvariantCulture);
            foreach (var s in stats)
            {
                table.AddRow(
                    Markup.Escape(s.Provider), $"{s.Done}", $"{s.Failed}", $"{s.Pending}", $"{s.Records}",
                    s.InputTokens.ToString("N0", CultureInfo.InvariantCulture), s.OutputTokens.ToString("N0", CultureInfo.InvariantCulture),
                    s.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture), s.LedgerUsd.ToString("0.0000", CultureInfo.InvariantCulture),
                    F(s.LatencyP50Ms), F(s.LatencyP95Ms),
                    Markup.Escape(string.Join(", ", s.ErrorKinds.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}={kv.Value}"))));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stats.Count} providers: {stats.Sum(s => s.Done)} items done, {stats.Sum(s => s.Failed)} failed, {stats.Sum(s => s.Pending)} pending, {stats.Sum(s => s.Records)} records, ${stats.Sum(s => s.LedgerUsd):0.0000} spent."));
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
        {
            // Configuration and input problems: the message says how to fix them; no stack trace.
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }
}
