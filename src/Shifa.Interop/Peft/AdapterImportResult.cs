// What importing a PEFT adapter produced.
using Shifa.Modeling.Lora;

namespace Shifa.Interop.Peft;

/// <summary>The merged model folder written by <see cref="PeftAdapterImporter"/> and what the adapter held.</summary>
/// <param name="OutputFolder">Plain model folder with the adapter merged in (loads anywhere a model folder does).</param>
/// <param name="Lora">The adapter's settings as read from <c>adapter_config.json</c>.</param>
/// <param name="AdaptedModules">Projections the adapter changed.</param>
/// <param name="AdapterTensors">LoRA tensors loaded (two per adapted projection).</param>
public sealed record AdapterImportResult(string OutputFolder, LoraConfig Lora, IReadOnlyList<string> AdaptedModules, int AdapterTensors);
