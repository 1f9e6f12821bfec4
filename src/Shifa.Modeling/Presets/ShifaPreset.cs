using Shifa.Modeling.Architectures;
using Shifa.Modeling.Training;

namespace Shifa.Modeling.Presets;

/// <summary>A from-scratch model recipe: a LLaMA-style architecture, a BPE vocabulary size to learn from the workspace, and training defaults.</summary>
/// <param name="Name">Preset name, e.g. <c>shifa-tiny</c>.</param>
/// <param name="Architecture">Architecture; its vocabulary size is replaced by the trained vocabulary's.</param>
/// <param name="VocabularySize">BPE vocabulary size to train (256 bytes + merges + special tokens).</param>
/// <param name="Training">Training defaults suited to the size.</param>
public sealed record ShifaPreset(string Name, ModelConfig Architecture, int VocabularySize, SftTrainingOptions Training);
