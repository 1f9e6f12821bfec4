// Exact top-k cosine search in cache-sized blocks with a register-tiled SIMD kernel; never materialises the score matrix.
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Shifa.Curation.Search;

/// <summary>
/// Exact k-nearest-neighbour search by cosine over normalized <see cref="EmbeddingMatrix"/> rows.
/// Work is split into query blocks (parallel) × corpus blocks (sized for L2); inside a block a 4×4
/// tile of dot products is computed with 16 AVX-512 accumulators, falling back to
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> elsewhere. Only k scores per
/// query are kept, so 100k × 100k needs O(queries × k) memory.
/// </summary>
public static unsafe class VectorSearch
{
    private const int QueryBlock = 256;
    private const int CorpusBlock = 128;

    /// <summary>Benchmarks set this to time the per-pair <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> path against the tiled kernel.</summary>
    internal static bool UseTiledKernel { get; set; } = true;

    /// <summary>
    /// For each query row, the <paramref name="k"/> most similar corpus rows.
    /// With <paramref name="earlierOnly"/> the query and corpus lists must be the same rows and each
    /// query only looks at corpus positions before its own (within-set dedup in canonical order).
    /// <paramref name="exclude"/> (query position, corpus position) vetoes pairs such as a record and itself.
    /// </summary>
    public static NeighborList TopK(
        EmbeddingMatrix queries, IReadOnlyList<int> queryRows,
        EmbeddingMatrix corpus, IReadOnlyList<int> corpusRows,
        int k, bool earlierOnly = false, Func<int, int, bool>? exclude = null, int? maxDegreeOfParallelism = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (queries.Dimensions != corpus.Dimensions)
        {
            throw new ArgumentException($"Query vectors have {queries.Dimensions} dimensions, corpus vectors {corpus.Dimensions}; embed both with the same model.");
        }

        if (earlierOnly && (!ReferenceEquals(queries, corpus) || queryRows.Count != corpusRows.Count))
        {
            throw new ArgumentException("earlierOnly needs the same matrix and row list for queries and corpus.");
        }

        var nq = queryRows.Count;
        var positions = new int[nq * k];
        var scores = new float[nq * k];
        Array.Fill(positions, -1);
        Array.Fill(scores, float.NegativeInfinity);
        if (nq == 0 || corpusRows.Count == 0)
        {
            return new NeighborList(k, positions, scores);
        }

        var qPtr = Pointers(queries, queryRows);
        var cPtr = Pointers(corpus, corpusRows);
        var stride = queries.Stride;
        var blocks = (nq + QueryBlock - 1) / QueryBlock;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount }, b =>
        {
            var q0 = b * QueryBlock;
            var q1 = Math.Min(nq, q0 + QueryBlock);
            var cEnd = earlierOnly ? q1 - 1 : cPtr.Length;
            var tile = stackalloc float[16];
            for (var c0 = 0; c0 < cEnd; c0 += CorpusBlock)
            {
                var c1 = Math.Min(cEnd, c0 + CorpusBlock);
                for (var qi = q0; qi < q1; qi += 4)
                {
                    var qn = Math.Min(4, q1 - qi);
                    var cLimit = earlierOnly ? Math.Min(c1, qi + qn - 1) : c1;
                    for (var ci = c0; ci < cLimit; ci += 4)
                    {
                        var cn = Math.Min(4, cLimit - ci);
                        if (qn == 4 && cn == 4 && UseTiledKernel && Vector512.IsHardwareAccelerated)
                        {
                            Kernel4x4(qPtr, qi, cPtr, ci, stride, tile);
                        }
                        else
                        {
                            for (var a = 0; a < qn; a++)
                            {
                                for (var c = 0; c < cn; c++)
                                {
                                    tile[a * 4 + c] = TensorPrimitives.Dot(new ReadOnlySpan<float>((float*)qPtr[qi + a], stride), new ReadOnlySpan<float>((float*)cPtr[ci + c], stride));
                                }
                            }
                        }

                        for (var a = 0; a < qn; a++)
                        {
                            var q = qi + a;
                            for (var c = 0; c < cn; c++)
                            {
                                var s = tile[a * 4 + c];
                                var p = ci + c;
                                if (s > scores[q * k + k - 1] && (!earlierOnly || p < q) && (exclude is null || !exclude(q, p)))
                                {
                                    Insert(positions, scores, q * k, k, p, s);
                                }
                            }
                        }
                    }
                }
            }
        });
        return new NeighborList(k, positions, scores);
    }

    private static nint[] Pointers(EmbeddingMatrix m, IReadOnlyList<int> rows)
    {
        var p = new nint[rows.Count];
        for (var i = 0; i < p.Length; i++)
        {
            var r = rows[i];
            if ((uint)r >= (uint)m.Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"Row {r} is outside the matrix of {m.Rows} rows.");
            }

            p[i] = (nint)m.RowPointer(r);
        }

        return p;
    }

    private static void Insert(int[] positions, float[] scores, int offset, int k, int position, float score)
    {
        var i = k - 1;
        while (i > 0 && scores[offset + i - 1] < score)
        {
            scores[offset + i] = scores[offset + i - 1];
            positions[offset + i] = positions[offset + i - 1];
            i--;
        }

        scores[offset + i] = score;
        positions[offset + i] = position;
    }

    // Four horizontal sums at once: fold 512 to 256 bits, then two rounds of pairwise adds, then fold 256 to 128.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Reduce4(Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d)
    {
        var x0 = a.GetLower() + a.GetUpper();
        var x1 = b.GetLower() + b.GetUpper();
        var x2 = c.GetLower() + c.GetUpper();
        var x3 = d.GetLower() + d.GetUpper();
        if (Avx.IsSupported)
        {
            var h = Avx.HorizontalAdd(Avx.HorizontalAdd(x0, x1), Avx.HorizontalAdd(x2, x3));
            return h.GetLower() + h.GetUpper();
        }

        return Vector128.Create(Vector256.Sum(x0), Vector256.Sum(x1), Vector256.Sum(x2), Vector256.Sum(x3));
    }

    // 4 query rows × 4 corpus rows; 16 zmm accumulators + 8 loads fit AVX-512's 32 registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x4(nint[] q, int qi, nint[] c, int ci, int stride, float* tile)
    {
        float* q0 = (float*)q[qi], q1 = (float*)q[qi + 1], q2 = (float*)q[qi + 2], q3 = (float*)q[qi + 3];
        float* c0 = (float*)c[ci], c1 = (float*)c[ci + 1], c2 = (float*)c[ci + 2], c3 = (float*)c[ci + 3];
        Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
        for (var d = 0; d < stride; d += 16)
        {
            var y0 = Vector512.Load(c0 + d);
            var y1 = Vector512.Load(c1 + d);
            var y2 = Vector512.Load(c2 + d);
            var y3 = Vector512.Load(c3 + d);
            var x = Vector512.Load(q0 + d);
            a00 = Vector512.FusedMultiplyAdd(x, y0, a00); a01 = Vector512.FusedMultiplyAdd(x, y1, a01);
            a02 = Vector512.FusedMultiplyAdd(x, y2, a02); a03 = Vector512.FusedMultiplyAdd(x, y3, a03);
            x = Vector512.Load(q1 + d);
            a10 = Vector512.FusedMultiplyAdd(x, y0, a10); a11 = Vector512.FusedMultiplyAdd(x, y1, a11);
            a12 = Vector512.FusedMultiplyAdd(x, y2, a12); a13 = Vector512.FusedMultiplyAdd(x, y3, a13);
            x = Vector512.Load(q2 + d);
            a20 = Vector512.FusedMultiplyAdd(x, y0, a20); a21 = Vector512.FusedMultiplyAdd(x, y1, a21);
            a22 = Vector512.FusedMultiplyAdd(x, y2, a22); a23 = Vector512.FusedMultiplyAdd(x, y3, a23);
            x = Vector512.Load(q3 + d);
            a30 = Vector512.FusedMultiplyAdd(x, y0, a30); a31 = Vector512.FusedMultiplyAdd(x, y1, a31);
            a32 = Vector512.FusedMultiplyAdd(x, y2, a32); a33 = Vector512.FusedMultiplyAdd(x, y3, a33);
        }

        Reduce4(a00, a01, a02, a03).Store(tile);
        Reduce4(a10, a11, a12, a13).Store(tile + 4);
        Reduce4(a20, a21, a22, a23).Store(tile + 8);
        Reduce4(a30, a31, a32, a33).Store(tile + 12);
    }
}
