// Builds the judge's chat client: OpenAI-compatible endpoint, workspace cache in front.
using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using Shifa.Core.Storage;

namespace Shifa.Curation.Judging;

/// <summary>Creates the <see cref="IChatClient"/> of the LLM judge from <see cref="JudgeOptions"/>.</summary>
public static class JudgeFactory
{
    /// <summary>The cached chat client, or null when the judge is disabled.</summary>
    public static IChatClient? Create(JudgeOptions options, Workspace workspace)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var key = Environment.GetEnvironmentVariable(options.ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"judge.enabled is true but the environment variable {options.ApiKeyVariable} is empty; set it to your API key or disable the judge.");
        }

        var clientOptions = new OpenAIClientOptions();
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = new Uri(options.Endpoint);
        }

        var inner = new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.Model!).AsIChatClient();
        return new WorkspaceChatCache(inner, workspace, (options.Endpoint ?? "openai") + "|" + options.Model);
    }
}
