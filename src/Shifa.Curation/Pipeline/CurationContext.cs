// Everything a stage may read besides its own settings: the targets, the reference sets and features shared across stages.
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Curation.Dedup;
using Shifa.Curation.Embeddings;
using Shifa.Curation.Search;
using Shifa.Curation.Text;

namespace Shifa.Curation.Pipeline;

/// <summary>
/// Shared state of one curation run. Seed = real records outside the test split (the reference);
/// Test = real test-split records (only ever used to detect leakage). Vectors and neighbour lists are
/// computed on first use and cached, so a re-run whose stages are all up to date embeds nothing.
/// </summary>
public sealed class CurationContext : IDisposable
{
    private readonly Dictionary<RecordSet, Task<EmbeddingMatrix>> _vectors = [];
    private readonly Lock _gate = new();
    private Task<NeighborList>? _nearestSeed;
    private Task<NeighborList>? _nearestTest;
    private LshIndex? _testLsh;
    private LshIndex? _seedLsh;

    /// <summary>Creates a context; <paramref name="vectorFolder"/> receives the memory-mapped vector files.</summary>
    public CurationContext(
        CurationOptions options,
        IReadOnlyList<QaRecord> targets,
        IReadOnlyList<QaRecord> seed,
        IReadOnlyList<QaRecord> test,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        string embedderFingerprint,
        string vectorFolder)
    {
        Options = options;
        Targets = new RecordSet("targets", targets);
        Seed = new RecordSet("seed", seed);
        Test = new RecordSet("test", test);
        Embedder = embedder;
        EmbedderFingerprint = embedderFingerprint;
        VectorFolder = vectorFolder;
        MinHasher = new MinHasher(options.ShingleSize, options.MinHashPermutations);
        Directory.CreateDirectory(vectorFolder);
    }

    /// <summary>
    /// Loads targets (by <see cref="CurationOptions.Scope"/>), seed and test records from the workspace and
    /// builds the configured embedder, unless <paramref name="embedder"/> (with its fingerprint) is supplied.
    /// </summary>
    public static CurationContext Load(Workspace workspace, CurationOptions options, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, string? embedderFingerprint = null)
    {
        var records = new RecordStore(workspace).Read();
        var targets = CurationScope.Canonical(records.Where(r => CurationScope.IsTarget(r, options.Scope)));
        var seed = CurationScope.Canonical(records.Where(r => !r.IsSynthetic && r.Split != RecordSplit.Test));
        var test = CurationScope.Canonical(records.Where(r => !r.IsSynthetic && r.Split == RecordSplit.Test));
        string fingerprint;
        if (embedder is not null)
        {
            fingerprint = embedderFingerprint ?? throw new ArgumentNullException(nameof(embedderFingerprint), "Pass the fingerprint of a supplied embedder so its vectors can be cached.");
        }
        else
        {
            (embedder, fingerprint) = EmbedderFactory.Create(options.Embedder, [.. seed.Select(MatchingText.ForEmbedding)], workspace);
        }

        return new CurationContext(options, targets, seed, test, embedder, fingerprint, workspace.ArtifactPath("curate", "vectors"));
    }

    /// <summary>The run's settings.</summary>
    public CurationOptions Options { get; }

    /// <summary>Records being curated, in canonical order (creation time, then id).</summary>
    public RecordSet Targets { get; }

    /// <summary>Real records outside the test split.</summary>
    public RecordSet Seed { get; }

    /// <summary>Real test-split records.</summary>
    public RecordSet Test { get; }

    /// <summary>The embedder of the semantic stages.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> Embedder { get; }

    /// <summary>Identifies the embedder and its state: equal fingerprints give equal vectors.</summary>
    public string EmbedderFingerprint { get; }

    /// <summary>Folder of the vector files.</summary>
    public string VectorFolder { get; }

    /// <summary>MinHash settings shared by the near-duplicate and leakage stages.</summary>
    public MinHasher MinHasher { get; }

    /// <summary>Hash of what reference-dependent stages read besides their settings: the seed and test ids.</summary>
    public string ReferenceHash => ContentHash.Short(16, Seed.IdsHash, Test.IdsHash);

    /// <summary>Vectors of a set, from the vector folder when an identical file exists.</summary>
    public Task<EmbeddingMatrix> VectorsAsync(RecordSet set, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (!_vectors.TryGetValue(set, out var task))
            {
                task = EmbedAsync(set, ct);
                _vectors[set] = task;
            }

            return task;
        }
    }

    /// <summary>The 5 nearest seed records of every target (a target that is itself a seed record never matches itself).</summary>
    public Task<NeighborList> NearestSeedAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _nearestSeed ??= SearchAsync(Seed, 5, ct);
        }
    }

    /// <summary>The nearest test record of every target.</summary>
    public Task<NeighborList> NearestTestAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _nearestTest ??= SearchAsync(Test, 1, ct);
        }
    }

    /// <summary>LSH over the test set, banded for high recall at the leakage threshold (rows of 3).</summary>
    public LshIndex TestLsh
    {
        get
        {
            lock (_gate)
            {
                return _testLsh ??= new LshIndex(Test.Signatures(MinHasher), MinHasher.Permutations, MinHasher.Permutations / 3, 3);
            }
        }
    }

    /// <summary>LSH over the seed set with the configured banding.</summary>
    public LshIndex SeedLsh
    {
        get
        {
            lock (_gate)
            {
                return _seedLsh ??= new LshIndex(Seed.Signatures(MinHasher), MinHasher.Permutations, Options.LshBands, MinHasher.Permutations / Options.LshBands);
            }
        }
    }

    /// <summary>Jaccard of two matching texts: the signature estimate, refined exactly when it falls within 0.1 of <paramref name="threshold"/>.</summary>
    public double Jaccard(RecordSet a, int i, RecordSet b, int j, double threshold)
    {
        var estimate = MinHasher.EstimateJaccard(a.Signature(MinHasher, i), b.Signature(MinHasher, j));
        return Math.Abs(estimate - threshold) <= 0.1 ? MinHasher.ExactJaccard(a.MatchTexts[i], b.MatchTexts[j]) : estimate;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _vectors.Values)
        {
            if (t.IsCompletedSuccessfully)
            {
                t.Result.Dispose();
            }
        }
    }

    private async Task<NeighborList> SearchAsync(RecordSet reference, int k, CancellationToken ct)
    {
        var tv = await VectorsAsync(Targets, ct).ConfigureAwait(false);
        var rv = await VectorsAsync(reference, ct).ConfigureAwait(false);
        var self = new int[Targets.Count];
        var anySelf = false;
        for (var i = 0; i < self.Length; i++)
        {
            self[i] = reference.IndexOf(Targets.Records[i].Id);
            anySelf |= self[i] >= 0;
        }

        return VectorSearch.TopK(tv, Enumerable.Range(0, Targets.Count).ToArray(), rv, Enumerable.Range(0, reference.Count).ToArray(), k,
            exclude: anySelf ? (q, p) => self[q] == p : null);
    }

    private async Task<EmbeddingMatrix> EmbedAsync(RecordSet set, CancellationToken ct)
    {
        var path = Path.Combine(VectorFolder, $"{set.Name}-{ContentHash.Short(20, EmbedderFingerprint, set.IdsHash)}.f32");
        var dims = await DimensionsAsync(ct).ConfigureAwait(false);
        if (File.Exists(path) && new FileInfo(path).Length == (long)set.Count * EmbeddingMatrix.PaddedStride(dims) * sizeof(float))
        {
            return EmbeddingMatrix.Open(path, dims);
        }

        using var writer = new EmbeddingMatrixWriter(path, dims);
        const int Chunk = 2048;
        for (var start = 0; start < set.Count; start += Chunk)
        {
            var n = Math.Min(Chunk, set.Count - start);
            if (Embedder is HashedNgramEmbedder hashed)
            {
                // The built-in embedder is CPU-bound and thread-safe: fill a chunk in parallel.
                var buffer = new float[n * dims];
                Parallel.For(0, n, i => hashed.EmbedNormalized(set.NormalizedQuestions[start + i] + " " + set.NormalizedAnswers[start + i], buffer.AsSpan(i * dims, dims)));
                for (var i = 0; i < n; i++)
                {
                    writer.Append(buffer.AsSpan(i * dims, dims));
                }
            }
            else
            {
                for (var b = 0; b < n; b += 64)
                {
                    var texts = Enumerable.Range(start + b, Math.Min(64, n - b)).Select(i => MatchingText.ForEmbedding(set.Records[i])).ToList();
                    var embeddings = await Embedder.GenerateAsync(texts, null, ct).ConfigureAwait(false);
                    if (embeddings.Count != texts.Count)
                    {
                        throw new InvalidOperationException($"The embedder returned {embeddings.Count} vectors for {texts.Count} texts.");
                    }

                    foreach (var e in embeddings)
                    {
                        writer.Append(e.Vector.Span);
                    }
                }
            }
        }

        return writer.Complete();
    }

    private async Task<int> DimensionsAsync(CancellationToken ct)
    {
        if (Embedder is HashedNgramEmbedder h)
        {
            return h.Options.Dimensions;
        }

        var meta = Embedder.GetService<EmbeddingGeneratorMetadata>();
        if (meta?.DefaultModelDimensions is int d and > 0)
        {
            return d;
        }

        var probe = await Embedder.GenerateAsync(["اختبار"], null, ct).ConfigureAwait(false);
        return probe[0].Vector.Length;
    }
}
