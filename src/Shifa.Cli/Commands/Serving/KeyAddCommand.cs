using System.ComponentModel;
using Shifa.Core.Storage;
using Shifa.Web.OpenAiApi;
using Shifa.Web.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Serving;

/// <summary><c>shifa serve key add</c>: creates an API key and prints it once.</summary>
internal sealed class KeyAddCommand : Command<KeyAddCommand.Settings>
{
    internal sealed class Settings : ServingSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("Who or what uses the key.")]
        public string Name { get; init; } = "default";

        [CommandOption("--no-disclaimer")]
        [Description("Answers to this key carry no medical disclaimer: for machine consumers such as `shifa synthesize` pointed at this server. Urgent-care notices and the dose filter still apply.")]
        public bool NoDisclaimer { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var store = new ApiKeyStore(Workspace.Open(settings.Workspace!, WebSchema.Instance));
        var (id, secret) = store.Create(settings.Name, appendDisclaimer: !settings.NoDisclaimer);
        AnsiConsole.WriteLine(secret);
        var disclaimer = settings.NoDisclaimer ? ", answers without the disclaimer" : "";
        AnsiConsole.WriteLine($"serve key add: key {id} ({settings.Name}{disclaimer}) created; the secret above is not stored and cannot be shown again");
        return 0;
    }
}
