using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Shifa.Modeling.Generation;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Providers;
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
        [Description("Local model folder to answer with; without it (or --provider) Shifa answers by retrieval over vetted records.")]
        public string? Model { get; init; }

        [CommandOption("--rate <N>")]
        [Description("API requests per minute per key (default 60).")]
        public int Rate { get; init; } = 60;

        [CommandOption("--provider <NAME>")]
        [Description("Answer with a remote provider from the providers file (openai, gemini or an openai-compatible entry) instead of retrieval; its key is read from its apiKeyEnv.")]
        public string? Provider { get; init; }

        [CommandOption("--providers <FILE>")]
        [Description("Providers file (JSON) for --provider. Default: WORKSPACE/providers.json when present, else the built-in openai and gemini entries.")]
        public string? ProvidersFile { get; init; }

        [CommandOption("--safety-set <FILE>")]
        [Description("Your own labelled red-flag set (label, category, dialect, text; see samples/safety/README.md) for the learned screen to train on with the built-in sets; repeat for several.")]
        public string[] SafetySets { get; init; } = [];

        public override ValidationResult Validate() =>
            base.Validate() is { Successful: false } failed ? failed
            : Model is not null && Provider is not null ? ValidationResult.Error("Give either --model DIR or --provider NAME, not both.")
            : ProvidersFile is not null && Provider is null ? ValidationResult.Error("--providers FILE needs --provider NAME.")
            : ValidationResult.Success();
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

        IChatClient? remote = null;
        string? remoteModel = null;
        if (settings.Provider is not null)
        {
            try
            {
                (remote, remoteModel) = RemoteProvider(settings);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or InvalidDataException)
            {
                AnsiConsole.WriteLine($"serve: --provider {settings.Provider}: {e.Message}");
                return 2;
            }
        }

        using var owned = model;
        var options = new ShifaWebOptions
        {
            WorkspaceDirectory = settings.Workspace!,
            Urls = settings.Urls,
            ApiRequestsPerMinute = settings.Rate,
            SafetySets = settings.SafetySets,
            ModelName = settings.Model is not null ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Model))) : remoteModel ?? "shifa",
        };
        WebApplication app;
        try
        {
            app = ShifaWebHost.Create(options, (IChatClient?)model ?? remote);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            AnsiConsole.WriteLine($"serve: --safety-set: {e.Message}");
            return 2;
        }

        await using var disposeApp = app;
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

    // The provider pipeline synthesis uses (retries, rate limits, timeout), without a spending cap:
    // serving spend is neither capped nor recorded in the workspace, so set limits at the provider.
    private static (IChatClient Client, string Model) RemoteProvider(Settings settings)
    {
        var file = settings.ProvidersFile ?? Path.Combine(settings.Workspace!, "providers.json");
        var providers = settings.ProvidersFile is not null || File.Exists(file) ? ProvidersFile.Load(file) : ProvidersFile.Default;
        var provider = providers.Get(settings.Provider!);
        if (provider.Kind == ProviderKind.Offline)
        {
            throw new ArgumentException($"'{provider.Name}' is the offline augmenter, which rewrites records and cannot answer questions; without --provider Shifa answers by retrieval.");
        }

        return (ProviderRegistry.Build(provider, PriceTable.Default(), new SpendBudget(null)), provider.ResolvedModel);
    }
}
