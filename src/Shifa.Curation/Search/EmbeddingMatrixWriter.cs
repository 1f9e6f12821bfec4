// Streams vectors into a matrix file row by row, normalizing and padding each.
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Shifa.Curation.Search;

/// <summary>Writes an <see cref="EmbeddingMatrix"/> file; the file appears under its final name only when complete.</summary>
public sealed class EmbeddingMatrixWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly float[] _row;
    private bool _done;

    /// <summary>Starts writing <paramref name="path"/> for vectors of length <paramref name="dimensions"/>.</summary>
    public EmbeddingMatrixWriter(string path, int dimensions)
    {
        _path = path;
        _temp = path + ".partial";
        Dimensions = dimensions;
        _row = new float[EmbeddingMatrix.PaddedStride(dimensions)];
        _stream = new FileStream(_temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
    }

    /// <summary>Vector length.</summary>
    public int Dimensions { get; }

    /// <summary>Rows written so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Appends one vector, L2-normalized (a zero vector stays zero).</summary>
    public void Append(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Vector {Rows} has {vector.Length} dimensions; this matrix holds {Dimensions}. Every embedding of a run must come from the same model.", nameof(vector));
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, _row.AsSpan(0, Dimensions));
        }
        else
        {
            _row.AsSpan(0, Dimensions).Clear();
        }

        _stream.Write(MemoryMarshal.AsBytes(_row.AsSpan()));
        Rows++;
    }

    /// <summary>Flushes, moves the file into place and opens it for reading.</summary>
    public EmbeddingMatrix Complete()
    {
        _stream.Flush(true);
        _stream.Dispose();
        File.Move(_temp, _path, overwrite: true);
        _done = true;
        return EmbeddingMatrix.Open(_path, Dimensions);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        if (!_done && File.Exists(_temp))
        {
            File.Delete(_temp);
        }
    }
}
