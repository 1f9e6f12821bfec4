namespace Shifa.Curation.Search;

/// <summary>
/// Top-k neighbours of each query, best first: entry r of query q is at <c>q * K + r</c>.
/// <see cref="Corpus"/> holds positions in the corpus row list given to the search (-1 where fewer than K were found).
/// </summary>
/// <param name="K">Neighbours kept per query.</param>
/// <param name="Corpus">Corpus positions, <c>queries × K</c>.</param>
/// <param name="Scores">Cosines, <c>queries × K</c>.</param>
public sealed record NeighborList(int K, int[] Corpus, float[] Scores)
{
    /// <summary>Number of queries.</summary>
    public int Queries => K == 0 ? 0 : Corpus.Length / K;

    /// <summary>Best neighbour of query <paramref name="q"/> (position -1 and score -inf when none).</summary>
    public (int Position, float Score) Best(int q) => (Corpus[q * K], Corpus[q * K] < 0 ? float.NegativeInfinity : Scores[q * K]);
}
