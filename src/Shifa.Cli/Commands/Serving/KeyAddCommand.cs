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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var store = new ApiKeyStore(Workspace.Open(settings.Workspace!, WebSchema.Instance));
        var (id, secret) = store.Create(settings.Name);
        AnsiConsole.WriteLine(secret);
        AnsiConsole.WriteLine($"serve key add: key {id} ({settings.Name}) created; the secret above is not stored and cannot be shown again");
        return 0;
    }
}
