// Everything needed to continue a run exactly: weights, AdamW moments, torch RNG state, step and metrics so far.
using System.Text.Json;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Shifa.Modeling.Training;

/// <summary>
/// A resumable training state in a folder: <c>model.bin</c> (fp32 master weights), <c>optimizer.bin</c>
/// (AdamW moments and step counts), <c>rng.bin</c> (torch's CPU generator) and <c>trainer_state.json</c>
/// (the last finished step, the compute precision and the metrics logged so far). Data order needs no state: it is a pure
/// function of the seed and the step. Written to a temporary folder and renamed, so a crash while
/// saving leaves the previous checkpoint intact.
/// </summary>
public static class TrainingCheckpoint
{
    private const string StateFile = "trainer_state.json";

    /// <summary>Whether <paramref name="directory"/> holds a complete checkpoint.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(directory, StateFile));

    /// <summary>Saves the state after <paramref name="step"/> finished optimizer steps computed in <paramref name="precision"/> (fp32 or bf16).</summary>
    public static void Save(string directory, nn.Module model, AdamW optimizer, int step, IReadOnlyList<TrainingMetric> metrics,
        TrainingPrecision precision = TrainingPrecision.Fp32)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var staging = directory.TrimEnd(Path.DirectorySeparatorChar) + ".saving";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        model.save(Path.Combine(staging, "model.bin"));
        optimizer.save_state_dict(Path.Combine(staging, "optimizer.bin"));
        using (var rng = get_rng_state())
        {
            File.WriteAllBytes(Path.Combine(staging, "rng.bin"), rng.bytes.ToArray());
        }

        File.WriteAllText(Path.Combine(staging, StateFile), JsonSerializer.Serialize(new SavedState(step, [.. metrics], TrainingPrecisions.Name(precision))));
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.Move(staging, directory);
    }

    /// <summary>Restores weights, optimizer and RNG into the given objects and returns the finished step count and metrics.</summary>
    /// <remarks>
    /// <paramref name="precision"/> is the resolved precision the resumed run computes in. A run continued in another
    /// precision would not reproduce its loss curve, so a mismatch is refused; checkpoints written before precisions
    /// were recorded are fp32.
    /// </remarks>
    /// <exception cref="InvalidDataException">
    /// The checkpoint is incomplete, does not fit the model or was written in another precision; the message names the file.
    /// </exception>
    public static (int Step, List<TrainingMetric> Metrics) Load(string directory, nn.Module model, AdamW optimizer,
        TrainingPrecision precision = TrainingPrecision.Fp32)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath))
        {
            throw new InvalidDataException($"No checkpoint in '{directory}': {StateFile} is missing.");
        }

        var state = JsonSerializer.Deserialize<SavedState>(File.ReadAllText(statePath))
            ?? throw new InvalidDataException($"{statePath}: empty checkpoint state.");
        var saved = state.Precision ?? TrainingPrecisions.Name(TrainingPrecision.Fp32);
        if (saved != TrainingPrecisions.Name(precision))
        {
            throw new InvalidDataException(
                $"{statePath}: the checkpoint was trained in {saved} but this run computes in {TrainingPrecisions.Name(precision)}; " +
                $"resume with --precision {saved}, or train into a new folder.");
        }

        var modelPath = Path.Combine(directory, "model.bin");
        try
        {
            model.load(modelPath, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException($"{modelPath}: the checkpoint does not fit this model ({e.Message}).", e);
        }

        optimizer.load_state_dict(Path.Combine(directory, "optimizer.bin"));
        var rngBytes = File.ReadAllBytes(Path.Combine(directory, "rng.bin"));
        using var rng = tensor(rngBytes, ScalarType.Byte);
        set_rng_state(rng);
        return (state.Step, state.Metrics);
    }

    private sealed record SavedState(int Step, List<TrainingMetric> Metrics, string? Precision = null);
}
