using Shifa.Cli.Commands.Profile;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers <c>shifa profile</c>.</summary>
internal static class ProfileCommands
{
    public static IConfigurator AddProfileCommands(this IConfigurator config)
    {
        config.AddCommand<ProfileCommand>("profile")
            .WithDescription("Profile a workspace's records (profile/profile.json, profile.md, charts).")
            .WithExample("profile", "--workspace", "work");
        return config;
    }
}
