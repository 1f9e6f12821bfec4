// Saves a module's state in Hugging Face's layout: model.safetensors, or shards plus model.safetensors.index.json.
using System.Text.Json;
using System.Text.RegularExpressions;
using TorchSharp;
using static TorchSharp.torch;

namespace Shifa.Modeling.Checkpoints;

/// <summary>Writes checkpoints that Hugging Face's <c>from_pretrained</c> and Shifa's strict loader read.</summary>
public static partial class CheckpointWriter
{
    /// <summary>
    /// Saves every parameter and persistent buffer of <paramref name="module"/> into <paramref name="folder"/>.
    /// Earlier checkpoint files in the folder are replaced, so a loader never mixes two saves.
    /// </summary>
    /// <param name="module">Module whose state-dict names are the Hugging Face names.</param>
    /// <param name="folder">Destination folder (created if needed).</param>
    /// <param name="maxShardBytes">Largest shard; a larger state is split into
    /// <c>model-0000i-of-0000n.safetensors</c> with an index. Default 5 GB as in Hugging Face.</param>
    /// <param name="dtype">Store tensors converted to this type (e.g. BFloat16); null keeps each tensor's type.</param>
    public static void Save(nn.Module module, string folder, long maxShardBytes = 5_000_000_000, ScalarType? dtype = null)
        => Save(module.state_dict().ToList(), folder, maxShardBytes, dtype);

    /// <summary>Saves named tensors (for example a filtered or merged state dict) like <see cref="Save(nn.Module, string, long, ScalarType?)"/>.</summary>
    public static void Save(IReadOnlyList<KeyValuePair<string, Tensor>> tensors, string folder, long maxShardBytes = 5_000_000_000,
        ScalarType? dtype = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxShardBytes, 1);
        Directory.CreateDirectory(folder);
        foreach (string stale in Directory.EnumerateFiles(folder)
                     .Where(f => ShardPattern().IsMatch(Path.GetFileName(f))
                                 || Path.GetFileName(f) is CheckpointFolder.SingleFileName or CheckpointFolder.IndexFileName))
        {
            File.Delete(stale);
        }

        using var scope = NewDisposeScope();
        var state = tensors
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, dtype is { } t && kv.Value.is_floating_point() ? kv.Value.to(t) : kv.Value))
            .ToList();

        var shards = new List<List<KeyValuePair<string, Tensor>>> { new() };
        long current = 0;
        foreach (var kv in state)
        {
            long bytes = kv.Value.NumberOfElements * kv.Value.ElementSize;
            if (current > 0 && current + bytes > maxShardBytes)
            {
                shards.Add([]);
                current = 0;
            }
            shards[^1].Add(kv);
            current += bytes;
        }

        var metadata = new Dictionary<string, string> { ["format"] = "pt" };
        if (shards.Count == 1)
        {
            SafetensorsWriter.Write(Path.Combine(folder, CheckpointFolder.SingleFileName), shards[0], metadata);
            return;
        }

        var weightMap = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < shards.Count; i++)
        {
            string name = SafetensorsWriter.ShardName(i + 1, shards.Count);
            SafetensorsWriter.Write(Path.Combine(folder, name), shards[i], metadata);
            foreach (var kv in shards[i]) weightMap[kv.Key] = name;
        }
        long total = state.Sum(kv => kv.Value.NumberOfElements * kv.Value.ElementSize);
        var index = new { metadata = new { total_size = total }, weight_map = weightMap };
        File.WriteAllText(Path.Combine(folder, CheckpointFolder.IndexFileName),
            JsonSerializer.Serialize(index, new JsonSerializerOptions { WriteIndented = true }));
    }

    [GeneratedRegex(@"^model-\d{5}-of-\d{5}\.safetensors$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ShardPattern();
}
