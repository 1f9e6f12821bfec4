// `shifa export gguf`: writes a LLaMA- or GPT-2-layout model folder (optionally with a LoRA adapter merged), or a BERT encoder folder, as one GGUF file for llama.cpp runtimes.
using System.ComponentModel;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Export.Gguf;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Interop;

/// <summary>
/// Exports a model folder to GGUF for llama.cpp, Ollama, LM Studio and LLamaSharp: a causal LM (f32, f16 or q8_0), or a
/// BERT encoder (config.json's model_type = bert; f32, for llama.cpp's embedding output).
/// </summary>
internal sealed class ExportGgufCommand(IAnsiConsole console) : Command<ExportGgufCommand.Settings>
{
    private TextWriter Out => console.Profile.Out.Writer;

    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <DIR>")]
        [Description("Model folder (config.json, model.safetensors, tokenizer files), or a model name under the workspace's models/.")]
        public string? Model { get; init; }

        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace whose models/ folder holds --model when it is a name.")]
        public string? Workspace { get; init; }

        [CommandOption("--adapter <DIR>")]
        [Description("PEFT LoRA adapter folder to merge into the weights before export.")]
        public string? Adapter { get; init; }

        [CommandOption("--type <TYPE>")]
        [Description("Weight storage: f32 (exact), f16 or q8_0.")]
        [DefaultValue("f32")]
        public string Type { get; init; } = "f32";

        [CommandOption("--layers <N>")]
        [Description("BERT only: export the first N layers, so the embedding output is layer N's hidden state (the layer BERTScore reads).")]
        public int? Layers { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("GGUF file to write; defaults to <model>/<name>-<type>.gguf.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model DIR is required.");
            if (ParseType(Type) is null) return ValidationResult.Error($"--type '{Type}' is not one of f32, f16, q8_0.");
            if (Layers is < 0) return ValidationResult.Error($"--layers {Layers} must be 0 or more.");
            return ValidationResult.Success();
        }
    }

    internal static GgufTensorType? ParseType(string type) => type.ToLowerInvariant() switch
    {
        "f32" => GgufTensorType.F32,
        "f16" => GgufTensorType.F16,
        "q8_0" or "q8" => GgufTensorType.Q8_0,
        _ => null,
    };

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string? folder = ResolveModelFolder(settings);
        if (folder is null)
        {
            Out.WriteLine($"error: model '{settings.Model}' is neither a folder nor a model in the workspace's models/ folder.");
            return 1;
        }
        var type = ParseType(settings.Type)!.Value;
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        string output = settings.Out ?? Path.Combine(folder, $"{name}-{settings.Type.ToLowerInvariant()}.gguf");
        try
        {
            if (GgufBertExporter.IsBertFolder(folder)) return ExportBert(folder, name, output, settings);
            if (settings.Layers is not null)
            {
                Out.WriteLine("error: --layers applies to BERT encoders only; this folder's config.json is not model_type bert.");
                return 1;
            }
            var result = GgufExporter.ExportFolder(folder, output, new GgufExportOptions { TensorType = type, Name = name }, settings.Adapter);
            foreach (string warning in result.Warnings) Out.WriteLine($"warning: {warning}");
            Out.WriteLine($"exported {name} as {type}: {result.TensorCount} tensors, {result.MetadataCount} metadata keys, " +
                          $"{result.Bytes / 1048576.0:F1} MiB, pre-tokenizer {result.PreTokenizer}{(settings.Adapter is null ? "" : ", adapter merged")} → {result.Path}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or CheckpointMismatchException or ArgumentException
                                       or NotSupportedException or KeyNotFoundException)
        {
            Out.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private int ExportBert(string folder, string name, string output, Settings settings)
    {
        if (ParseType(settings.Type) != GgufTensorType.F32 || settings.Adapter is not null)
        {
            Out.WriteLine("error: a BERT encoder exports as f32 without adapters (llama.cpp's bert embeddings); drop --type/--adapter.");
            return 1;
        }
        var result = GgufBertExporter.ExportFolder(folder, output, settings.Layers);
        Out.WriteLine($"exported {name} (bert encoder{(settings.Layers is int n ? $", first {n} layers" : "")}) as F32: {result.TensorCount} tensors, " +
                      $"{result.MetadataCount} metadata keys, {result.Bytes / 1048576.0:F1} MiB → {result.Path}");
        return 0;
    }

    private static string? ResolveModelFolder(Settings settings)
    {
        if (Directory.Exists(settings.Model)) return Path.GetFullPath(settings.Model);
        if (settings.Workspace is null) return null;
        string named = Path.Combine(Path.GetFullPath(settings.Workspace), "models", settings.Model!);
        return Directory.Exists(named) ? named : null;
    }
}
