using System.ComponentModel;
using Shifa.Core.Storage;
using Shifa.Web.OpenAiApi;
using Shifa.Web.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Serving;

/// <summary><c>shifa serve key revoke</c>.</summary>
internal sealed class KeyRevokeCommand : Command<KeyRevokeCommand.Settings>
{
    internal sealed class Settings : ServingSettings
    {
        [CommandOption("--id <ID>")]
        [Description("Key id printed by `serve key add`.")]
        public string? Id { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ok = new ApiKeyStore(Workspace.Open(settings.Workspace!, WebSchema.Instance)).Revoke(settings.Id ?? "");
        AnsiConsole.WriteLine(ok ? $"serve key revoke: {settings.Id} revoked" : $"serve key revoke: no active key with id '{settings.Id}'");
        return ok ? 0 : 1;
    }
}
