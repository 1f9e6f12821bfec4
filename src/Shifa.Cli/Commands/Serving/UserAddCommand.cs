using System.ComponentModel;
using Shifa.Web.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Serving;

/// <summary><c>shifa serve user add</c>: creates a user with a role (the first admin comes from here).</summary>
internal sealed class UserAddCommand : AsyncCommand<UserAddCommand.Settings>
{
    internal sealed class Settings : ServingSettings
    {
        [CommandOption("--name <USER>")]
        [Description("User name.")]
        public string? Name { get; init; }

        [CommandOption("--role <ROLE>")]
        [Description("admin, annotator or expert.")]
        public string? Role { get; init; }

        [CommandOption("--password-env <VAR>")]
        [Description("Environment variable holding the password (default SHIFA_PASSWORD); prompted for when unset.")]
        public string PasswordEnv { get; init; } = "SHIFA_PASSWORD";

        public override ValidationResult Validate()
        {
            var b = base.Validate();
            if (!b.Successful)
            {
                return b;
            }

            if (string.IsNullOrWhiteSpace(Name))
            {
                return ValidationResult.Error("--name USER is required.");
            }

            return ShifaRoles.All.Contains(Role ?? "") ? ValidationResult.Success() : ValidationResult.Error($"--role must be one of {string.Join(", ", ShifaRoles.All)}.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Passwords never go on the command line, where shell history and process lists would keep them.
        var password = Environment.GetEnvironmentVariable(settings.PasswordEnv);
        if (string.IsNullOrEmpty(password))
        {
            password = AnsiConsole.Prompt(new TextPrompt<string>("Password (10+ characters):").Secret());
        }

        try
        {
            await UserAdministration.AddUserAsync(settings.Workspace!, settings.Name!, password, settings.Role!, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return 1;
        }

        AnsiConsole.WriteLine($"serve user add: {settings.Name} saved with role {settings.Role} in {Path.GetFullPath(settings.Workspace!)}");
        return 0;
    }
}
