// What a GGUF export wrote, and what the user should know about it.
namespace Shifa.Modeling.Export.Gguf;

/// <summary>The outcome of <see cref="GgufExporter"/>: the file, its size and counts, and warnings about fidelity.</summary>
/// <param name="Path">The GGUF file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="TensorCount">Tensors written.</param>
/// <param name="MetadataCount">Metadata entries written.</param>
/// <param name="PreTokenizer">The <c>tokenizer.ggml.pre</c> written.</param>
/// <param name="Warnings">Ways in which llama.cpp will not reproduce Shifa exactly (empty when it will).</param>
public sealed record GgufExportResult(string Path, long Bytes, int TensorCount, int MetadataCount, string PreTokenizer, IReadOnlyList<string> Warnings);
