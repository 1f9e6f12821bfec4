// Live progress on a terminal; plain, occasional lines when output is redirected (CI logs, pipes).
using Shifa.Core.Ingest;
using Spectre.Console;

namespace Shifa.Cli.Commands.Foundation;

/// <summary>Runs long work with a progress bar on a TTY and plain progress lines otherwise.</summary>
internal static class ProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, string label, long plainEvery, Func<IProgress<IngestProgress>, T> work)
    {
        if (console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi)
        {
            return console.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask(label);
                task.IsIndeterminate = true;
                var progress = new SyncProgress(p => task.Description = $"{label}: {p.RowsRead:N0} rows");
                var result = work(progress);
                task.StopTask();
                return result;
            });
        }

        long nextLine = plainEvery;
        return work(new SyncProgress(p =>
        {
            if (p.RowsRead >= nextLine)
            {
                console.Line($"{label}: {p.RowsRead:N0} rows read ({p.Ingested:N0} ingested, {p.Rejected:N0} rejected, {p.Duplicates:N0} duplicates)");
                nextLine = (p.RowsRead / plainEvery + 1) * plainEvery;
            }
        }));
    }

    // Progress<T> posts to the thread pool; reports must land in order and before the summary line.
    private sealed class SyncProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
