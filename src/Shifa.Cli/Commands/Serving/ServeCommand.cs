using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Shifa.Modeling.Generation;
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
        // The local model is composed here, so the web app never depends on TorchSharp.
        LocalChatClient? model = null;
        if (settings.Model is not null)
        {
            if (!File.Exists(Path.Combine(settings.Model, "config.json")))
            {
                AnsiConsole.WriteLine($"serve: '{settings.Model}' is not a model folder (no config.json); train one with 'shifa train' or pass a Hugging Face folder.");
                return 2;
            }

            model = LocalChatClient.Load(settings.Model);
        }

        using var owned = model;
        var options = new ShifaWebOptions
        {
            WorkspaceDirectory = settings.Workspace!,
            Urls = settings.Urls,
            ApiRequestsPerMinute = settings.Rate,
            ModelName = settings.Model is null ? "shifa" : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Model))),
        };
        await using var app = ShifaWebHost.Create(options, model);
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
