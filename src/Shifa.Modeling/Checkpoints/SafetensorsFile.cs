// Reader for one .safetensors file: 8-byte little-endian header length, JSON header, raw tensor bytes.
using System.Buffers.Binary;
using System.Text.Json;
using Shifa.Modeling.Native;
using static TorchSharp.torch;

namespace Shifa.Modeling.Checkpoints;

/// <summary>
/// An open safetensors file. The header is parsed and validated on open (offsets in range, byte counts
/// matching dtype and shape, no overlaps); tensors are read one at a time, so a large checkpoint never
/// needs to fit in memory twice.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    private const long MaxHeaderBytes = 100L * 1024 * 1024;
    private readonly FileStream _stream;
    private readonly long _dataStart;

    private SafetensorsFile(string path, FileStream stream, long dataStart,
        Dictionary<string, SafetensorsEntry> entries, Dictionary<string, string> metadata)
    {
        Path = path;
        _stream = stream;
        _dataStart = dataStart;
        Entries = entries;
        Metadata = metadata;
    }

    /// <summary>The file this was opened from.</summary>
    public string Path { get; }

    /// <summary>Tensors in the file by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsEntry> Entries { get; }

    /// <summary>The optional <c>__metadata__</c> string map of the header.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Opens and validates a safetensors file.</summary>
    /// <exception cref="InvalidDataException">The header is malformed; the message names the file and the tensor.</exception>
    public static SafetensorsFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            Span<byte> lengthBytes = stackalloc byte[8];
            if (stream.Length < 8) throw new InvalidDataException($"{path}: too short to be a safetensors file.");
            stream.ReadExactly(lengthBytes);
            long headerLength = BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
            if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > stream.Length)
            {
                throw new InvalidDataException($"{path}: header length {headerLength} is invalid for a file of {stream.Length} bytes.");
            }
            var header = new byte[headerLength];
            stream.ReadExactly(header);
            long dataLength = stream.Length - 8 - headerLength;
            var (entries, metadata) = ParseHeader(path, header, dataLength);
            return new SafetensorsFile(path, stream, 8 + headerLength, entries, metadata);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads one tensor onto the CPU in its stored dtype.</summary>
    /// <exception cref="KeyNotFoundException">No tensor of that name is in the file.</exception>
    public Tensor Read(string name)
    {
        if (!Entries.TryGetValue(name, out var entry))
        {
            throw new KeyNotFoundException($"{Path}: no tensor named '{name}'.");
        }
        TorchRuntime.EnsureInitialized();
        var (type, _) = SafetensorsDTypes.FromName(entry.DType);
        var buffer = new byte[entry.End - entry.Begin];
        _stream.Position = _dataStart + entry.Begin;
        _stream.ReadExactly(buffer);
        var tensor = empty(entry.Shape, type);
        if (buffer.Length > 0) tensor.bytes = buffer;
        return tensor;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static (Dictionary<string, SafetensorsEntry>, Dictionary<string, string>) ParseHeader(
        string path, byte[] header, long dataLength)
    {
        var entries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: header is not valid JSON ({ex.Message}).", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: header must be a JSON object.");
            }
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (var m in property.Value.EnumerateObject())
                    {
                        metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String
                            ? m.Value.GetString()!
                            : throw new InvalidDataException($"{path}: __metadata__.{m.Name} must be a string.");
                    }
                    continue;
                }
                entries[property.Name] = ParseEntry(path, property, dataLength);
            }
        }

        // Tensors must not overlap: HF's reader rejects overlapping ranges and so do we.
        long previousEnd = 0;
        string? previous = null;
        foreach (var e in entries.Values.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.Begin < previousEnd && e.End > e.Begin)
            {
                throw new InvalidDataException($"{path}: tensor '{e.Name}' overlaps tensor '{previous}'.");
            }
            previousEnd = Math.Max(previousEnd, e.End);
            previous = e.Name;
        }
        return (entries, metadata);
    }

    private static SafetensorsEntry ParseEntry(string path, JsonProperty property, long dataLength)
    {
        string name = property.Name;
        var v = property.Value;
        if (v.ValueKind != JsonValueKind.Object
            || !v.TryGetProperty("dtype", out var dtypeEl) || dtypeEl.ValueKind != JsonValueKind.String
            || !v.TryGetProperty("shape", out var shapeEl) || shapeEl.ValueKind != JsonValueKind.Array
            || !v.TryGetProperty("data_offsets", out var offEl) || offEl.ValueKind != JsonValueKind.Array || offEl.GetArrayLength() != 2)
        {
            throw new InvalidDataException($"{path}: tensor '{name}' needs dtype (string), shape (array) and data_offsets ([begin, end]).");
        }
        string dtype = dtypeEl.GetString()!;
        int elementSize;
        try
        {
            elementSize = SafetensorsDTypes.FromName(dtype).ElementSize;
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidDataException($"{path}: tensor '{name}': {ex.Message}", ex);
        }
        var shape = shapeEl.EnumerateArray().Select(d => d.TryGetInt64(out long x) && x >= 0
            ? x : throw new InvalidDataException($"{path}: tensor '{name}' has an invalid dimension {d}.")).ToArray();
        long begin = offEl[0].GetInt64(), end = offEl[1].GetInt64();
        var entry = new SafetensorsEntry(name, dtype, shape, begin, end);
        if (begin < 0 || end < begin || end > dataLength)
        {
            throw new InvalidDataException($"{path}: tensor '{name}' data_offsets [{begin}, {end}] fall outside the {dataLength}-byte data section.");
        }
        if (end - begin != entry.ElementCount * elementSize)
        {
            throw new InvalidDataException(
                $"{path}: tensor '{name}' has {end - begin} bytes but {dtype} [{string.Join(", ", shape)}] needs {entry.ElementCount * elementSize}.");
        }
        return entry;
    }
}
