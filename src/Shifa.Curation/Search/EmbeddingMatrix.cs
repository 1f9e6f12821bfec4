// Row-major float32 vectors in a file, memory-mapped for reading, so 100k+ rows never need to sit in the managed heap.
using System.IO.MemoryMappedFiles;
using System.Numerics.Tensors;

namespace Shifa.Curation.Search;

/// <summary>
/// A read-only matrix of L2-normalized vectors backed by a memory-mapped file. Rows are padded with
/// zeros to <see cref="Stride"/> (a multiple of 16) so the SIMD kernel never needs a tail loop; padding leaves dot products unchanged.
/// </summary>
public sealed unsafe class EmbeddingMatrix : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;

    private EmbeddingMatrix(string path, int rows, int dimensions)
    {
        Path = path;
        Rows = rows;
        Dimensions = dimensions;
        Stride = PaddedStride(dimensions);
        if (rows > 0)
        {
            _file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            _view = _file.CreateViewAccessor(0, (long)rows * Stride * sizeof(float), MemoryMappedFileAccess.Read);
            byte* p = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
            _base = p + _view.PointerOffset;
        }
    }

    /// <summary>The backing file.</summary>
    public string Path { get; }

    /// <summary>Number of vectors.</summary>
    public int Rows { get; }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Floats per stored row (dimensions rounded up to 16).</summary>
    public int Stride { get; }

    /// <summary>Rounds a vector length up to a multiple of 16.</summary>
    public static int PaddedStride(int dimensions) => (dimensions + 15) / 16 * 16;

    /// <summary>Opens a matrix file written by <see cref="EmbeddingMatrixWriter"/>.</summary>
    public static EmbeddingMatrix Open(string path, int dimensions)
    {
        var length = new FileInfo(path).Length;
        var rowBytes = (long)PaddedStride(dimensions) * sizeof(float);
        if (length % rowBytes != 0)
        {
            throw new InvalidDataException($"Vector file '{path}' has {length} bytes, not a whole number of {dimensions}-dimension rows; delete it to recompute.");
        }

        return new EmbeddingMatrix(path, (int)(length / rowBytes), dimensions);
    }

    /// <summary>Pointer to the first float of row <paramref name="row"/>.</summary>
    internal float* RowPointer(int row) => (float*)(_base + (long)row * Stride * sizeof(float));

    /// <summary>Row <paramref name="row"/> (without padding).</summary>
    public ReadOnlySpan<float> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return new ReadOnlySpan<float>(RowPointer(row), Dimensions);
    }

    /// <summary>Cosine of two rows of (possibly different) normalized matrices.</summary>
    public static float Cosine(EmbeddingMatrix a, int i, EmbeddingMatrix b, int j) => TensorPrimitives.Dot(a.Row(i), b.Row(j));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
    }
}
