// `shifa export gguf`: writes a LLaMA- or GPT-2-layout model folder (optionally with a LoRA adapter merged) as one GGUF file for llama.cpp runtimes.
using System.ComponentModel;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Export.Gguf;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Interop;

/// <summary>Exports a model folder to GGUF (f32, f16 or q8_0) for llama.cpp, Ollama, LM Studio and LLamaSharp.</summary>
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

        [CommandOption("-o|--out <FILE>")]
        [Description("GGUF file to write; defaults to <model>/<name>-<type>.gguf.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model DIR is required.");
            if (ParseType(Type) is null) return ValidationResult.Error($"--type '{Type}' is not one of f32, f16, q8_0.");
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

    private static string? ResolveModelFolder(Settings settings)
    {
        if (Directory.Exists(settings.Model)) return Path.GetFullPath(settings.Model);
        if (settings.Workspace is null) return null;
        string named = Path.Combine(Path.GetFullPath(settings.Workspace), "models", settings.Model!);
        return Directory.Exists(named) ? named : null;
    }
}
