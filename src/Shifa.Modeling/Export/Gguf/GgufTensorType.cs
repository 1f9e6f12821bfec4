// The ggml tensor types Shifa writes (numbers from ggml's enum ggml_type).
namespace Shifa.Modeling.Export.Gguf;

/// <summary>Storage type of a GGUF tensor; the values are ggml's <c>ggml_type</c> numbers.</summary>
public enum GgufTensorType : uint
{
    /// <summary>32-bit floats, exact.</summary>
    F32 = 0,
    /// <summary>IEEE half floats.</summary>
    F16 = 1,
    /// <summary>Blocks of 32 values: one half-float scale and 32 signed bytes (≈8.5 bits per weight).</summary>
    Q8_0 = 8,
}
