// A Hugging Face checkpoint on disk: one model.safetensors or shards listed in model.safetensors.index.json.
using System.Text.Json;
using static TorchSharp.torch;

namespace Shifa.Modeling.Checkpoints;

/// <summary>
/// The tensors of a checkpoint, whether stored in one file or sharded with an index
/// (<c>model.safetensors.index.json</c>, whose <c>weight_map</c> names the shard of each tensor).
/// </summary>
public sealed class CheckpointFolder : IDisposable
{
    /// <summary>Name of a single-file checkpoint.</summary>
    public const string SingleFileName = "model.safetensors";

    /// <summary>Name of the index of a sharded checkpoint.</summary>
    public const string IndexFileName = "model.safetensors.index.json";

    private readonly Dictionary<string, SafetensorsFile> _fileOfTensor;
    private readonly List<SafetensorsFile> _files;

    private CheckpointFolder(string source, List<SafetensorsFile> files, Dictionary<string, SafetensorsFile> fileOfTensor)
    {
        Source = source;
        _files = files;
        _fileOfTensor = fileOfTensor;
    }

    /// <summary>The folder or file the checkpoint was opened from.</summary>
    public string Source { get; }

    /// <summary>Every tensor in the checkpoint with its header entry.</summary>
    public IEnumerable<SafetensorsEntry> Entries => _fileOfTensor.Select(kv => kv.Value.Entries[kv.Key]);

    /// <summary>Whether the checkpoint holds a tensor of that name.</summary>
    public bool Contains(string name) => _fileOfTensor.ContainsKey(name);

    /// <summary>The header entry of one tensor.</summary>
    public SafetensorsEntry Entry(string name) => FileOf(name).Entries[name];

    /// <summary>Reads one tensor onto the CPU in its stored dtype.</summary>
    public Tensor Read(string name) => FileOf(name).Read(name);

    /// <summary>The shard file that holds a tensor (for error messages).</summary>
    public string PathOf(string name) => FileOf(name).Path;

    /// <summary>
    /// Opens a checkpoint: a .safetensors file, or a folder with <c>model.safetensors</c>
    /// or <c>model.safetensors.index.json</c> (an <c>adapter_model.safetensors</c> is opened as a file).
    /// </summary>
    /// <exception cref="FileNotFoundException">No safetensors checkpoint at that place.</exception>
    /// <exception cref="InvalidDataException">The index or a shard is malformed, or two shards define one tensor.</exception>
    public static CheckpointFolder Open(string path)
    {
        if (File.Exists(path)) return FromFiles(path, [path], expected: null);
        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"Checkpoint '{path}' does not exist.", path);
        }
        string single = System.IO.Path.Combine(path, SingleFileName);
        string index = System.IO.Path.Combine(path, IndexFileName);
        if (File.Exists(index)) return FromIndex(path, index);
        if (File.Exists(single)) return FromFiles(path, [single], expected: null);
        string hint = File.Exists(System.IO.Path.Combine(path, "pytorch_model.bin"))
            ? " It holds pytorch_model.bin: convert it to safetensors first (Shifa reads safetensors only)."
            : "";
        throw new FileNotFoundException($"{path}: neither {SingleFileName} nor {IndexFileName} found.{hint}", single);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var f in _files) f.Dispose();
    }

    private SafetensorsFile FileOf(string name) => _fileOfTensor.TryGetValue(name, out var f)
        ? f : throw new KeyNotFoundException($"{Source}: checkpoint has no tensor '{name}'.");

    private static CheckpointFolder FromIndex(string folder, string indexPath)
    {
        Dictionary<string, string> weightMap = new(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(indexPath));
            if (!doc.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{indexPath}: missing the 'weight_map' object.");
            }
            foreach (var p in map.EnumerateObject())
            {
                weightMap[p.Name] = p.Value.ValueKind == JsonValueKind.String
                    ? p.Value.GetString()!
                    : throw new InvalidDataException($"{indexPath}: weight_map.{p.Name} must be a file name.");
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{indexPath}: not valid JSON ({ex.Message}).", ex);
        }
        var shardPaths = weightMap.Values.Distinct().Select(f => System.IO.Path.Combine(folder, f)).ToList();
        foreach (var shard in shardPaths.Where(p => !File.Exists(p)))
        {
            throw new FileNotFoundException($"{indexPath}: weight_map names shard '{System.IO.Path.GetFileName(shard)}', which is missing.", shard);
        }
        return FromFiles(folder, shardPaths, weightMap);
    }

    private static CheckpointFolder FromFiles(string source, IReadOnlyList<string> paths, Dictionary<string, string>? expected)
    {
        var files = new List<SafetensorsFile>();
        try
        {
            var fileOfTensor = new Dictionary<string, SafetensorsFile>(StringComparer.Ordinal);
            foreach (string p in paths)
            {
                var file = SafetensorsFile.Open(p);
                files.Add(file);
                foreach (string name in file.Entries.Keys)
                {
                    if (fileOfTensor.TryGetValue(name, out var other))
                    {
                        throw new InvalidDataException($"{source}: tensor '{name}' is stored twice, in {other.Path} and {p}.");
                    }
                    if (expected is not null && (!expected.TryGetValue(name, out string? shard) || shard != System.IO.Path.GetFileName(p)))
                    {
                        throw new InvalidDataException(
                            $"{source}: tensor '{name}' is in {System.IO.Path.GetFileName(p)} but the index maps it to '{shard ?? "nothing"}'.");
                    }
                    fileOfTensor[name] = file;
                }
            }
            if (expected is not null)
            {
                foreach (var (name, shard) in expected.Where(kv => !fileOfTensor.ContainsKey(kv.Key)))
                {
                    throw new InvalidDataException($"{source}: index maps tensor '{name}' to {shard}, which does not contain it.");
                }
            }
            return new CheckpointFolder(source, files, fileOfTensor);
        }
        catch
        {
            foreach (var f in files) f.Dispose();
            throw;
        }
    }
}
