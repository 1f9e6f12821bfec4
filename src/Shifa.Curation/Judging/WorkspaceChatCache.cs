// Caches chat responses in the workspace by (model, hash of the messages): a judged record is never paid for twice.
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Core.Storage;
using Shifa.Curation.Storage;

namespace Shifa.Curation.Judging;

/// <summary>A <see cref="DelegatingChatClient"/> answering repeated requests from the <c>chat_cache</c> table.</summary>
public sealed class WorkspaceChatCache : DelegatingChatClient
{
    private readonly Workspace _workspace;
    private readonly string _model;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="model"/> keys the cache.</summary>
    public WorkspaceChatCache(IChatClient inner, Workspace workspace, string model)
        : base(inner)
    {
        _workspace = workspace;
        _model = model;
        workspace.EnsureSchema(CurationSchema.Instance);
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var key = ContentHash.Of([.. list.SelectMany(m => new[] { m.Role.Value, m.Text })]);
        using (var c = _workspace.OpenConnection())
        using (var get = c.CreateCommand())
        {
            get.CommandText = "SELECT response FROM chat_cache WHERE model = $m AND request_hash = $h";
            get.Parameters.AddWithValue("$m", _model);
            get.Parameters.AddWithValue("$h", key);
            if (get.ExecuteScalar() is string cached)
            {
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, cached)) { ModelId = _model };
            }
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        using (var c = _workspace.OpenConnection())
        using (var put = c.CreateCommand())
        {
            put.CommandText = "INSERT OR REPLACE INTO chat_cache(model, request_hash, response, created_at) VALUES ($m, $h, $r, $t)";
            put.Parameters.AddWithValue("$m", _model);
            put.Parameters.AddWithValue("$h", key);
            put.Parameters.AddWithValue("$r", response.Text);
            put.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
            put.ExecuteNonQuery();
        }

        return response;
    }
}
