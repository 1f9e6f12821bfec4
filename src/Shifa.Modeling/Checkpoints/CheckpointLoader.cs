// Strict loading of safetensors checkpoints into TorchSharp modules whose parameter names equal the checkpoint's.
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Checkpoints;

/// <summary>
/// Loads a checkpoint into a module strictly: every checkpoint tensor is used, every parameter and
/// persistent buffer is filled, and shapes agree. Everything is checked before any value is copied,
/// so a failed load leaves the module as it was. Values are converted to each parameter's dtype and device.
/// </summary>
public static class CheckpointLoader
{
    /// <summary>Loads the checkpoint at <paramref name="path"/> (file, folder, or sharded folder).</summary>
    /// <param name="module">Module whose <c>state_dict()</c> names are the checkpoint names.</param>
    /// <param name="path">A .safetensors file or a folder (see <see cref="CheckpointFolder.Open"/>).</param>
    /// <param name="mapName">
    /// Optional translation of a checkpoint name to the module's name, for documented format quirks only;
    /// returning null declares the tensor deliberately unused (for example GPT-2's stored causal mask).
    /// </param>
    /// <exception cref="CheckpointMismatchException">Names or shapes do not match.</exception>
    public static void LoadStrict(nn.Module module, string path, Func<string, string?>? mapName = null)
    {
        using var checkpoint = CheckpointFolder.Open(path);
        LoadStrict(module, checkpoint, mapName);
    }

    /// <summary>Loads an already opened checkpoint strictly.</summary>
    /// <exception cref="CheckpointMismatchException">Names or shapes do not match.</exception>
    public static void LoadStrict(nn.Module module, CheckpointFolder checkpoint, Func<string, string?>? mapName = null)
        => LoadStrict(module.state_dict(), checkpoint, mapName);

    /// <summary>
    /// Loads strictly into a chosen set of named tensors (for example only a model's LoRA adapter weights):
    /// every checkpoint tensor must map to one of them and each of them must be filled.
    /// </summary>
    /// <exception cref="CheckpointMismatchException">Names or shapes do not match.</exception>
    public static void LoadStrict(IReadOnlyDictionary<string, Tensor> target, CheckpointFolder checkpoint,
        Func<string, string?>? mapName = null)
    {
        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var unexpected = new List<string>();
        var shapes = new List<string>();
        foreach (var entry in checkpoint.Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            string? name = mapName is null ? entry.Name : mapName(entry.Name);
            if (name is null) continue;
            if (!target.TryGetValue(name, out var parameter))
            {
                unexpected.Add(entry.Name);
                continue;
            }
            if (sourceOf.TryGetValue(name, out string? first))
            {
                unexpected.Add($"{entry.Name} (also maps to {name}, already taken by {first})");
                continue;
            }
            sourceOf[name] = entry.Name;
            if (!entry.Shape.SequenceEqual(parameter.shape))
            {
                shapes.Add($"{entry.Name}: checkpoint [{string.Join(", ", entry.Shape)}] vs model [{string.Join(", ", parameter.shape)}]");
            }
        }
        var missing = target.Keys.Where(k => !sourceOf.ContainsKey(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unexpected.Count > 0 || shapes.Count > 0)
        {
            throw new CheckpointMismatchException(checkpoint.Source, missing, unexpected, shapes);
        }

        using var noGrad = no_grad();
        foreach (var (name, source) in sourceOf)
        {
            using var scope = NewDisposeScope();
            target[name].copy_(checkpoint.Read(source));
        }
    }
}
