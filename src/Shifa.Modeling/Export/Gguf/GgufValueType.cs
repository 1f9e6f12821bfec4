// Type tags of GGUF metadata values (GGUF v3 specification, gguf_metadata_value_type).
namespace Shifa.Modeling.Export.Gguf;

/// <summary>The type tag written before every GGUF metadata value; the numbers are fixed by the format.</summary>
public enum GgufValueType : uint
{
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 0,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 1,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 2,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 3,
    /// <summary>Unsigned 32-bit integer (llama.cpp reads sizes and ids as this type).</summary>
    UInt32 = 4,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 5,
    /// <summary>IEEE 754 single.</summary>
    Float32 = 6,
    /// <summary>One byte, 0 or 1.</summary>
    Bool = 7,
    /// <summary>UTF-8 string with a uint64 byte length.</summary>
    String = 8,
    /// <summary>Typed array with a uint64 element count.</summary>
    Array = 9,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 10,
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 11,
    /// <summary>IEEE 754 double.</summary>
    Float64 = 12,
}
