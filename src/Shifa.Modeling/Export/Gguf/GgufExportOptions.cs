// Settings of a GGUF export.
namespace Shifa.Modeling.Export.Gguf;

/// <summary>How <see cref="GgufExporter"/> stores a model.</summary>
public sealed record GgufExportOptions
{
    /// <summary>Storage type of the matrices; vectors (norm weights) always stay F32, as llama.cpp's converter keeps them.</summary>
    public GgufTensorType TensorType { get; init; } = GgufTensorType.F32;

    /// <summary><c>general.name</c>; defaults to the output file name.</summary>
    public string? Name { get; init; }

    /// <summary>Jinja chat template written as <c>tokenizer.chat_template</c>; null writes none.</summary>
    public string? ChatTemplate { get; init; }
}
