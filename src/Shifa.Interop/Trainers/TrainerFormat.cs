// Distributed-training stacks a Shifa workspace can be handed to.
namespace Shifa.Interop.Trainers;

/// <summary>The target of <see cref="TrainerBundleExporter"/>.</summary>
public enum TrainerFormat
{
    /// <summary>Hugging Face TRL's SFTTrainer, launched with <c>accelerate launch</c> (optionally DeepSpeed ZeRO).</summary>
    Trl,

    /// <summary>Axolotl, configured by one YAML file.</summary>
    Axolotl,
}
