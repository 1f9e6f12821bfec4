using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Shifa.Web.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Serving;

/// <summary><c>shifa serve</c>: runs the web app until stopped.</summary>
internal sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    internal sealed class Settings : ServingSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Listen URLs (default http://127.0.0.1:5080; loopback unless you ask otherwise).")]
        public string Urls { get; init; } = "http://127.0.0.1:5080";

        [CommandOption("--model <DIR>")]
        [Description("Local model folder to answer with; without it Shifa answers by retrieval over vetted records.")]
        public string? Model { get; init; }

        [CommandOption("--rate <N>")]
        [Description("API requests per minute per key (default 60).")]
        public int Rate { get; init; } = 60;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Model is not null)
        {
            AnsiConsole.MarkupLine("[red]--model is not available in this build: the local-model chat backend is composed by the modeling commands. Serve without --model to answer by retrieval.[/]");
            return 2;
        }

        var options = new ShifaWebOptions { WorkspaceDirectory = settings.Workspace!, Urls = settings.Urls, ApiRequestsPerMinute = settings.Rate };
        await using var app = ShifaWebHost.Create(options);
        if (!settings.Urls.Split(';').All(u => u.Contains("127.0.0.1", StringComparison.Ordinal) || u.Contains("localhost", StringComparison.OrdinalIgnoreCase) || u.Contains("[::1]", StringComparison.Ordinal)))
        {
            AnsiConsole.MarkupLine("[yellow]Warning: listening beyond this machine; put Shifa behind HTTPS before exposing it.[/]");
        }

        await app.StartAsync(cancellationToken);
        AnsiConsole.WriteLine($"serve: listening on {settings.Urls} (Ctrl+C to stop)");
        await app.WaitForShutdownAsync(cancellationToken);
        AnsiConsole.WriteLine($"serve: stopped ({settings.Urls}, workspace {Path.GetFullPath(settings.Workspace!)})");
        return 0;
    }
}
