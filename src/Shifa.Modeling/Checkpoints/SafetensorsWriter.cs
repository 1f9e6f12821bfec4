// Writer for the safetensors format: header padded with spaces to 8-byte alignment, tensors in name order.
using System.Buffers.Binary;
using System.Text.Json;
using static TorchSharp.torch;

namespace Shifa.Modeling.Checkpoints;

/// <summary>Writes tensors to a .safetensors file that Hugging Face's safetensors library reads.</summary>
public static class SafetensorsWriter
{
    /// <summary>Writes <paramref name="tensors"/> (any device, any supported dtype) to <paramref name="path"/>.</summary>
    /// <param name="path">Destination file; written to a temporary name first and renamed, so readers never see half a file.</param>
    /// <param name="tensors">Name → tensor; names must be unique.</param>
    /// <param name="metadata">Optional <c>__metadata__</c> (Hugging Face writes <c>{"format": "pt"}</c>).</param>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var ordered = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var header = new MemoryStream();
        long offset = 0;
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (k, v) in metadata) json.WriteString(k, v);
                json.WriteEndObject();
            }
            foreach (var (name, tensor) in ordered)
            {
                long bytes = tensor.NumberOfElements * tensor.ElementSize;
                json.WriteStartObject(name);
                json.WriteString("dtype", SafetensorsDTypes.NameOf(tensor.dtype));
                json.WriteStartArray("shape");
                foreach (long d in tensor.shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes;
            }
            json.WriteEndObject();
        }
        while (header.Length % 8 != 0) header.WriteByte((byte)' ');

        string temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(length, header.Length);
            file.Write(length);
            header.Position = 0;
            header.CopyTo(file);
            foreach (var (_, tensor) in ordered)
            {
                using var cpu = tensor.detach().cpu().contiguous();
                if (cpu.NumberOfElements > 0) file.Write(cpu.bytes);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }

    internal static string ShardName(int index, int count) => $"model-{index:00000}-of-{count:00000}.safetensors";
}
