// Blocked SIMD top-k against a brute-force reference, including padding, ragged tiles, earlier-only and exclusions.
using System.Numerics.Tensors;
using Shifa.Curation.Search;

namespace Shifa.Curation.Tests.Search;

public sealed class VectorSearchTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shifa-vs-" + Guid.NewGuid().ToString("N"));

    public VectorSearchTests() => Directory.CreateDirectory(_dir);

    private EmbeddingMatrix Random(string name, int rows, int dims, int seed)
    {
        var rng = new Random(seed);
        using var w = new EmbeddingMatrixWriter(Path.Combine(_dir, name), dims);
        var v = new float[dims];
        for (var r = 0; r < rows; r++)
        {
            for (var d = 0; d < dims; d++)
            {
                v[d] = (float)(rng.NextDouble() * 2 - 1);
            }

            w.Append(v);
        }

        return w.Complete();
    }

    private static List<(int P, float S)> Brute(EmbeddingMatrix q, int qi, EmbeddingMatrix c, int[] corpus, int k, Func<int, bool> allowed) =>
        [.. corpus.Select((row, p) => (P: p, S: TensorPrimitives.Dot(q.Row(qi), c.Row(row)))).Where(x => allowed(x.P)).OrderByDescending(x => x.S).Take(k)];

    [Theory]
    [InlineData(37, 301, 50)]
    [InlineData(300, 517, 256)]
    public void Top_k_equals_brute_force(int queries, int corpusRows, int dims)
    {
        using var q = Random("q.f32", queries, dims, 1);
        using var c = Random("c.f32", corpusRows, dims, 2);
        var qRows = Enumerable.Range(0, queries).ToArray();
        var cRows = Enumerable.Range(0, corpusRows).Reverse().ToArray();
        var result = VectorSearch.TopK(q, qRows, c, cRows, 5, exclude: (qi, p) => p == qi);
        for (var i = 0; i < queries; i++)
        {
            var expected = Brute(q, i, c, cRows, 5, p => p != i);
            for (var r = 0; r < 5; r++)
            {
                Assert.Equal(expected[r].P, result.Corpus[i * 5 + r]);
                Assert.Equal(expected[r].S, result.Scores[i * 5 + r], 4);
            }
        }
    }

    [Fact]
    public void Earlier_only_looks_at_positions_before_the_query()
    {
        using var m = Random("m.f32", 530, 64, 3);
        var rows = Enumerable.Range(0, 530).Select(i => (i * 7) % 530).ToArray();
        var result = VectorSearch.TopK(m, rows, m, rows, 3, earlierOnly: true);
        for (var i = 0; i < rows.Length; i++)
        {
            var expected = Brute(m, rows[i], m, rows, 3, p => p < i);
            for (var r = 0; r < 3; r++)
            {
                Assert.Equal(r < expected.Count ? expected[r].P : -1, result.Corpus[i * 3 + r]);
            }
        }
    }

    [Fact]
    public void Rows_are_stored_normalized_and_padded()
    {
        using var m = Random("n.f32", 3, 20, 4);
        Assert.Equal(32, m.Stride);
        Assert.Equal(1f, TensorPrimitives.Norm(m.Row(1)), 4);
        Assert.Equal(3L * 32 * sizeof(float), new FileInfo(m.Path).Length);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
