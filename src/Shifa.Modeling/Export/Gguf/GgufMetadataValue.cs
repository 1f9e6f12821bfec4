// One typed GGUF metadata value (scalar, string or homogeneous array).
namespace Shifa.Modeling.Export.Gguf;

/// <summary>
/// A metadata value with its GGUF type. Factory methods fix the type so callers cannot write a value llama.cpp refuses
/// (it reads sizes as uint32 and hyper-parameters as float32).
/// </summary>
public sealed record GgufMetadataValue(GgufValueType Type, object Value, GgufValueType ElementType = GgufValueType.UInt8)
{
    /// <summary>A uint32 value.</summary>
    public static GgufMetadataValue UInt32(uint value) => new(GgufValueType.UInt32, value);

    /// <summary>An int32 value.</summary>
    public static GgufMetadataValue Int32(int value) => new(GgufValueType.Int32, value);

    /// <summary>A float32 value.</summary>
    public static GgufMetadataValue Float32(float value) => new(GgufValueType.Float32, value);

    /// <summary>A boolean.</summary>
    public static GgufMetadataValue Bool(bool value) => new(GgufValueType.Bool, value);

    /// <summary>A UTF-8 string.</summary>
    public static GgufMetadataValue String(string value) => new(GgufValueType.String, value);

    /// <summary>An array of strings.</summary>
    public static GgufMetadataValue Strings(IReadOnlyList<string> values) => new(GgufValueType.Array, values, GgufValueType.String);

    /// <summary>An array of int32.</summary>
    public static GgufMetadataValue Int32s(IReadOnlyList<int> values) => new(GgufValueType.Array, values, GgufValueType.Int32);

    /// <summary>An array of float32.</summary>
    public static GgufMetadataValue Float32s(IReadOnlyList<float> values) => new(GgufValueType.Array, values, GgufValueType.Float32);
}
