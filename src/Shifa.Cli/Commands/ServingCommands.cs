using Shifa.Cli.Commands.Serving;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands;

/// <summary>Registers the serving commands.</summary>
internal static class ServingCommands
{
    public static IConfigurator AddServingCommands(this IConfigurator config)
    {
        config.AddBranch<ServingSettings>("serve", serve =>
        {
            serve.SetDescription("Serve the review app, chat page and OpenAI-compatible API over a workspace.");
            serve.SetDefaultCommand<ServeCommand>();
            serve.AddBranch<ServingSettings>("user", user => user.AddCommand<UserAddCommand>("add").WithDescription("Create a user (or reset a password) with a role: admin, annotator, expert."));
            serve.AddBranch<ServingSettings>("key", key =>
            {
                key.AddCommand<KeyAddCommand>("add").WithDescription("Create an API key for /v1 (shown once, stored hashed).");
                key.AddCommand<KeyRevokeCommand>("revoke").WithDescription("Revoke an API key by id.");
            });
            serve.AddBranch<ServingSettings>("ratings", ratings =>
            {
                ratings.AddCommand<RatingsImportCommand>("import").WithDescription("Load answers for expert rating from JSONL.");
                ratings.AddCommand<RatingsExportCommand>("export").WithDescription("Write expert ratings as JSONL.");
            });
        });
        return config;
    }
}
