using Shifa.Core.Records;
using Shifa.Modeling.Lora;

namespace Shifa.Modeling.Training;

/// <summary>What <see cref="SftJob"/> trains: a base (preset or model folder), records, optional LoRA, settings, and where the model goes.</summary>
public sealed record SftJobRequest
{
    /// <summary>A preset name (<c>shifa-tiny</c>, <c>shifa-small</c>) or a Hugging Face model folder.</summary>
    public required string Base { get; init; }

    /// <summary>The model folder to write (HF layout).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Training records.</summary>
    public required IReadOnlyList<QaRecord> TrainRecords { get; init; }

    /// <summary>Validation records; when empty, every tenth training record (by id order) is held out instead.</summary>
    public IReadOnlyList<QaRecord> ValidationRecords { get; init; } = [];

    /// <summary>Train LoRA adapters instead of all weights.</summary>
    public LoraConfig? Lora { get; init; }

    /// <summary>Settings; null means the preset's defaults (or general defaults for a model folder).</summary>
    public SftTrainingOptions? Options { get; init; }
}
