namespace Shifa.Curation.Embeddings;

/// <summary>Settings of <see cref="HashedNgramEmbedder"/>.</summary>
public sealed record HashedNgramOptions
{
    /// <summary>Output vector length (a multiple of 16 keeps the SIMD search on its fast path).</summary>
    public int Dimensions { get; init; } = 256;

    /// <summary>Shortest character n-gram.</summary>
    public int NgramMin { get; init; } = 2;

    /// <summary>Longest character n-gram.</summary>
    public int NgramMax { get; init; } = 4;
}
