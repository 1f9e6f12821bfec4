// Writes GGUF v3 files: header, typed metadata, tensor infos, then aligned tensor data (ggml's docs/gguf.md).
using System.Text;

namespace Shifa.Modeling.Export.Gguf;

/// <summary>
/// Collects metadata and tensors and writes them as one GGUF v3 file. Shapes are given in PyTorch order
/// (outermost first) and written reversed, because GGUF lists <c>ne[0]</c>, the contiguous dimension, first.
/// Data offsets are aligned to <see cref="Alignment"/> bytes, the default llama.cpp assumes when
/// <c>general.alignment</c> is absent.
/// </summary>
public sealed class GgufWriter
{
    /// <summary>Byte alignment of the data section and of every tensor in it.</summary>
    public const int Alignment = 32;

    private const uint Magic = 0x46554747; // "GGUF" read as a little-endian uint32
    private const uint Version = 3;

    private readonly List<(string Key, GgufMetadataValue Value)> _metadata = [];
    private readonly List<Tensor> _tensors = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tensorNames = new(StringComparer.Ordinal);

    /// <summary>Metadata keys in the order they will be written.</summary>
    public IEnumerable<string> Keys => _metadata.Select(m => m.Key);

    /// <summary>Tensor names in the order they will be written.</summary>
    public IEnumerable<string> TensorNames => _tensors.Select(t => t.Name);

    /// <summary>Adds one metadata entry.</summary>
    /// <exception cref="ArgumentException">The key is empty or already added.</exception>
    public void Add(string key, GgufMetadataValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_keys.Add(key)) throw new ArgumentException($"GGUF metadata key '{key}' was added twice.", nameof(key));
        _metadata.Add((key, value));
    }

    /// <summary>Adds a tensor of row-major float data with PyTorch <paramref name="shape"/>, stored as <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentException">Duplicate name, data length not matching the shape, or a Q8_0 row not a multiple of 32.</exception>
    public void AddTensor(string name, IReadOnlyList<long> shape, float[] data, GgufTensorType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        if (shape.Count is < 1 or > 4) throw new ArgumentException($"Tensor '{name}': GGUF holds 1 to 4 dimensions, got {shape.Count}.", nameof(shape));
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length) throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", shape)}] needs {count} values, got {data.Length}.", nameof(data));
        if (type == GgufTensorType.Q8_0 && shape[^1] % GgufTensorEncoding.Q8BlockSize != 0)
        {
            throw new ArgumentException($"Tensor '{name}': Q8_0 needs rows that are a multiple of {GgufTensorEncoding.Q8BlockSize}, got {shape[^1]}.", nameof(type));
        }
        if (!_tensorNames.Add(name)) throw new ArgumentException($"GGUF tensor '{name}' was added twice.", nameof(name));
        _tensors.Add(new Tensor(name, shape.ToArray(), data, type));
    }

    /// <summary>Writes the file, replacing <paramref name="path"/> only once it is complete.</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        string partial = path + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Write(stream);
        }
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Writes the file to <paramref name="stream"/>.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var (key, value) in _metadata)
        {
            WriteString(w, key);
            w.Write((uint)value.Type);
            WriteValue(w, key, value);
        }

        long offset = 0;
        foreach (var t in _tensors)
        {
            WriteString(w, t.Name);
            w.Write((uint)t.Shape.Length);
            for (int d = t.Shape.Length - 1; d >= 0; d--) w.Write((ulong)t.Shape[d]);
            w.Write((uint)t.Type);
            w.Write((ulong)offset);
            offset = Align(offset + GgufTensorEncoding.ByteCount(t.Type, t.Data.Length));
        }

        Pad(w);
        foreach (var t in _tensors)
        {
            GgufTensorEncoding.Write(w, t.Type, t.Data);
            Pad(w);
        }
        w.Flush();
    }

    private static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        long position = w.BaseStream.Position;
        for (long i = position; i < Align(position); i++) w.Write((byte)0);
    }

    private static void WriteString(BinaryWriter w, string s)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void WriteValue(BinaryWriter w, string key, GgufMetadataValue value)
    {
        switch (value.Type)
        {
            case GgufValueType.UInt32: w.Write((uint)value.Value); break;
            case GgufValueType.Int32: w.Write((int)value.Value); break;
            case GgufValueType.Float32: w.Write((float)value.Value); break;
            case GgufValueType.Bool: w.Write((bool)value.Value ? (byte)1 : (byte)0); break;
            case GgufValueType.String: WriteString(w, (string)value.Value); break;
            case GgufValueType.Array:
                w.Write((uint)value.ElementType);
                switch (value.ElementType)
                {
                    case GgufValueType.String:
                        var strings = (IReadOnlyList<string>)value.Value;
                        w.Write((ulong)strings.Count);
                        foreach (string s in strings) WriteString(w, s);
                        break;
                    case GgufValueType.Int32:
                        var ints = (IReadOnlyList<int>)value.Value;
                        w.Write((ulong)ints.Count);
                        foreach (int i in ints) w.Write(i);
                        break;
                    case GgufValueType.Float32:
                        var floats = (IReadOnlyList<float>)value.Value;
                        w.Write((ulong)floats.Count);
                        foreach (float f in floats) w.Write(f);
                        break;
                    default:
                        throw new NotSupportedException($"GGUF key '{key}': arrays of {value.ElementType} are not written by Shifa.");
                }
                break;
            default:
                throw new NotSupportedException($"GGUF key '{key}': values of type {value.Type} are not written by Shifa.");
        }
    }

    private sealed record Tensor(string Name, long[] Shape, float[] Data, GgufTensorType Type);
}
