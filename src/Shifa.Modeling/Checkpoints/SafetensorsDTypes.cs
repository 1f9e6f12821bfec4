// Mapping between safetensors dtype names and TorchSharp scalar types (format: huggingface/safetensors).
using static TorchSharp.torch;

namespace Shifa.Modeling.Checkpoints;

/// <summary>The safetensors dtype names Shifa reads and writes, and their TorchSharp equivalents.</summary>
public static class SafetensorsDTypes
{
    private static readonly (string Name, ScalarType Type, int Size)[] Known =
    [
        ("F64", ScalarType.Float64, 8), ("F32", ScalarType.Float32, 4), ("F16", ScalarType.Float16, 2),
        ("BF16", ScalarType.BFloat16, 2), ("I64", ScalarType.Int64, 8), ("I32", ScalarType.Int32, 4),
        ("I16", ScalarType.Int16, 2), ("I8", ScalarType.Int8, 1), ("U8", ScalarType.Byte, 1), ("BOOL", ScalarType.Bool, 1),
    ];

    /// <summary>The TorchSharp type and element size for a safetensors dtype name.</summary>
    /// <exception cref="NotSupportedException">The dtype is not one Shifa handles.</exception>
    public static (ScalarType Type, int ElementSize) FromName(string name)
    {
        foreach (var k in Known)
        {
            if (k.Name == name) return (k.Type, k.Size);
        }
        throw new NotSupportedException(
            $"safetensors dtype '{name}' is not supported (supported: {string.Join(", ", Known.Select(k => k.Name))}).");
    }

    /// <summary>The safetensors dtype name for a TorchSharp type.</summary>
    public static string NameOf(ScalarType type)
    {
        foreach (var k in Known)
        {
            if (k.Type == type) return k.Name;
        }
        throw new NotSupportedException($"Tensors of type {type} cannot be stored in safetensors by Shifa.");
    }
}
