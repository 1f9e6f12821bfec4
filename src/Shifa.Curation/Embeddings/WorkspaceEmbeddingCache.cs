// Caches remote embeddings in the workspace by (model, text hash): paid calls are made once per text.
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Core.Storage;
using Shifa.Curation.Storage;

namespace Shifa.Curation.Embeddings;

/// <summary>
/// A <see cref="DelegatingEmbeddingGenerator{TInput, TEmbedding}"/> that answers from the workspace's
/// <c>embedding_cache</c> table and asks the inner generator only for texts it has not seen with this model.
/// </summary>
public sealed class WorkspaceEmbeddingCache : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly Workspace _workspace;
    private readonly string _model;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="model"/> keys the cache (include the endpoint when it changes the model).</summary>
    public WorkspaceEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, Workspace workspace, string model)
        : base(inner)
    {
        _workspace = workspace;
        _model = model;
        workspace.EnsureSchema(CurationSchema.Instance);
    }

    /// <summary>Texts answered from the cache since creation.</summary>
    public int Hits { get; private set; }

    /// <summary>Texts sent to the inner generator since creation.</summary>
    public int Misses { get; private set; }

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var hashes = texts.Select(t => ContentHash.Short(32, t)).ToList();
        var found = Lookup(hashes);
        var missing = Enumerable.Range(0, texts.Count).Where(i => !found.ContainsKey(hashes[i])).ToList();
        var unique = missing.Select(i => (Text: texts[i], Hash: hashes[i])).DistinctBy(x => x.Hash).ToList();
        Hits += texts.Count - missing.Count;
        Misses += unique.Count;
        if (unique.Count > 0)
        {
            var fresh = await base.GenerateAsync(unique.Select(u => u.Text), options, cancellationToken).ConfigureAwait(false);
            if (fresh.Count != unique.Count)
            {
                throw new InvalidOperationException($"Embedding model '{_model}' returned {fresh.Count} vectors for {unique.Count} texts.");
            }

            Store(unique.Select((u, i) => (u.Hash, fresh[i].Vector.ToArray())).ToList());
            for (var i = 0; i < unique.Count; i++)
            {
                found[unique[i].Hash] = fresh[i].Vector.ToArray();
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var h in hashes)
        {
            result.Add(new Embedding<float>(found[h]) { ModelId = _model });
        }

        return result;
    }

    private Dictionary<string, float[]> Lookup(List<string> hashes)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT vector FROM embedding_cache WHERE model = $m AND text_hash = $h";
        cmd.Parameters.AddWithValue("$m", _model);
        var ph = cmd.Parameters.Add("$h", Microsoft.Data.Sqlite.SqliteType.Text);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var h in hashes.Distinct())
        {
            ph.Value = h;
            if (cmd.ExecuteScalar() is byte[] blob)
            {
                found[h] = MemoryMarshal.Cast<byte, float>(blob).ToArray();
            }
        }

        return found;
    }

    private void Store(List<(string Hash, float[] Vector)> items)
    {
        using var c = _workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO embedding_cache(model, text_hash, vector) VALUES ($m, $h, $v)";
        cmd.Parameters.AddWithValue("$m", _model);
        var ph = cmd.Parameters.Add("$h", Microsoft.Data.Sqlite.SqliteType.Text);
        var pv = cmd.Parameters.Add("$v", Microsoft.Data.Sqlite.SqliteType.Blob);
        foreach (var (hash, vector) in items)
        {
            ph.Value = hash;
            pv.Value = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
