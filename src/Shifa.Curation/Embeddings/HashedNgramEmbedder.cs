// Built-in embedder: hashed character n-gram TF-IDF over ForMatching-normalized Arabic, signed feature hashing into a dense vector.
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Curation.Text;

namespace Shifa.Curation.Embeddings;

/// <summary>
/// Offline default embedder, no model needed. Character n-grams survive Arabic's rich morphology
/// (prefixes ال/و/ب, suffixes ها/هم) where word features would not. Each n-gram is hashed once:
/// 20 bits pick its IDF slot, other bits pick its output dimension and sign (signed hashing keeps
/// unrelated texts near cosine 0). IDF comes from a fitting corpus (the seed set); without one every weight is 1.
/// </summary>
public sealed class HashedNgramEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int IdfBits = 20;
    private readonly float[]? _idf;
    private readonly EmbeddingGeneratorMetadata _metadata;

    private HashedNgramEmbedder(HashedNgramOptions options, float[]? idf, string fitHash)
    {
        if (options.Dimensions < 1 || options.NgramMin < 1 || options.NgramMax < options.NgramMin)
        {
            throw new ArgumentException("HashedNgramOptions needs Dimensions >= 1 and 1 <= NgramMin <= NgramMax.", nameof(options));
        }

        Options = options;
        _idf = idf;
        Fingerprint = ContentHash.Short(16, "hashed-ngram/v1", options.Dimensions.ToString(), options.NgramMin.ToString(), options.NgramMax.ToString(), fitHash);
        _metadata = new EmbeddingGeneratorMetadata("shifa-hashed-ngram", null, "hashed-ngram-" + Fingerprint, options.Dimensions);
    }

    /// <summary>The settings.</summary>
    public HashedNgramOptions Options { get; }

    /// <summary>Hash of the settings and the fitted IDF corpus: equal fingerprints give equal vectors.</summary>
    public string Fingerprint { get; }

    /// <summary>An embedder with all IDF weights 1 (plain term frequency).</summary>
    public static HashedNgramEmbedder Unfitted(HashedNgramOptions? options = null) => new(options ?? new(), null, "unfitted");

    /// <summary>Fits IDF weights on <paramref name="corpus"/> (document frequency per hashed n-gram).</summary>
    public static HashedNgramEmbedder Fit(IReadOnlyList<string> corpus, HashedNgramOptions? options = null)
    {
        options ??= new();
        var df = new int[1 << IdfBits];
        var seen = new HashSet<int>();
        foreach (var doc in corpus)
        {
            seen.Clear();
            ForEachNgram(MatchingText.Normalize(doc), options, h => seen.Add((int)(h & ((1 << IdfBits) - 1))));
            foreach (var slot in seen)
            {
                df[slot]++;
            }
        }

        var idf = new float[df.Length];
        var n = corpus.Count;
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = (float)(Math.Log((n + 1.0) / (df[i] + 1.0)) + 1.0);
        }

        return new HashedNgramEmbedder(options, idf, ContentHash.Of([.. corpus]));
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var v in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[Options.Dimensions];
            Embed(v, vector);
            result.Add(new Embedding<float>(vector) { ModelId = _metadata.DefaultModelId, CreatedAt = null });
        }

        return Task.FromResult(result);
    }

    /// <summary>Writes the L2-normalized embedding of <paramref name="text"/> into <paramref name="destination"/> (length <see cref="HashedNgramOptions.Dimensions"/>).</summary>
    public void Embed(string text, Span<float> destination) => EmbedNormalized(MatchingText.Normalize(text), destination);

    /// <summary>Like <see cref="Embed"/> for text already in ForMatching form (saves normalizing twice in a curation run).</summary>
    public void EmbedNormalized(string normalized, Span<float> destination)
    {
        if (destination.Length != Options.Dimensions)
        {
            throw new ArgumentException($"Destination has {destination.Length} floats; this embedder writes {Options.Dimensions}.", nameof(destination));
        }

        var dims = (ulong)Options.Dimensions;
        var idf = _idf;
        var acc = new float[Options.Dimensions];
        ForEachNgram(normalized, Options, h =>
        {
            var weight = idf is null ? 1f : idf[(int)(h & ((1 << IdfBits) - 1))];
            var dim = (int)(((h >> 32) & 0x7FFFFFFF) * dims >> 31);
            acc[dim] += (h >> 63) == 0 ? weight : -weight;
        });
        var norm = TensorPrimitives.Norm(acc);
        if (norm > 0)
        {
            TensorPrimitives.Divide(acc, norm, destination);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata :
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    // Word boundaries are marked with a space on both sides so "ال" at a word start differs from "ال" inside one.
    private static void ForEachNgram(string normalized, HashedNgramOptions options, Action<ulong> visit)
    {
        var padded = " " + normalized + " ";
        for (var i = 0; i < padded.Length; i++)
        {
            ulong h = 14695981039346656037UL;
            for (var n = 1; n <= options.NgramMax && i + n <= padded.Length; n++)
            {
                h = (h ^ padded[i + n - 1]) * 1099511628211UL;
                if (n >= options.NgramMin)
                {
                    visit(Mix(h ^ (ulong)n));
                }
            }
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
