// `shifa import adapter`: loads a PEFT LoRA adapter trained elsewhere onto its base model and writes the merged model folder.
using System.ComponentModel;
using Shifa.Interop.Peft;
using Shifa.Modeling.Checkpoints;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Interop;

/// <summary>Imports a PEFT adapter (TRL, Axolotl or Shifa) for evaluation and serving.</summary>
internal sealed class ImportAdapterCommand(IAnsiConsole console) : Command<ImportAdapterCommand.Settings>
{
    private TextWriter Out => console.Profile.Out.Writer;

    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-m|--model <DIR>")]
        [Description("Base model folder the adapter was trained on, or a model name under the workspace's models/.")]
        public string? Model { get; init; }

        [CommandOption("--adapter <DIR>")]
        [Description("PEFT adapter folder (adapter_config.json + adapter_model.safetensors).")]
        public string? Adapter { get; init; }

        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace; the merged model goes to its models/<name>/ unless --out is given.")]
        public string? Workspace { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("Name of the merged model under models/ (default: <adapter folder name>-merged).")]
        public string? Name { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the merged model.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Model)) return ValidationResult.Error("--model DIR is required.");
            if (string.IsNullOrWhiteSpace(Adapter)) return ValidationResult.Error("--adapter DIR is required.");
            if (Out is null && Workspace is null) return ValidationResult.Error("Give --workspace DIR or --out DIR for the merged model.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string? baseFolder = Directory.Exists(settings.Model) ? Path.GetFullPath(settings.Model)
            : settings.Workspace is not null && Directory.Exists(Path.Combine(settings.Workspace, "models", settings.Model!))
                ? Path.GetFullPath(Path.Combine(settings.Workspace, "models", settings.Model!)) : null;
        if (baseFolder is null)
        {
            Out.WriteLine($"error: model '{settings.Model}' is neither a folder nor a model in the workspace's models/ folder.");
            return 1;
        }
        string name = settings.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Adapter!))) + "-merged";
        string output = settings.Out ?? Path.Combine(Path.GetFullPath(settings.Workspace!), "models", name);
        try
        {
            if (LoadableArchitecture.ImportProblem(baseFolder, Path.GetFullPath(settings.Adapter!)) is { } problem)
            {
                Out.WriteLine($"error: {problem}");
                return 1;
            }

            var result = PeftAdapterImporter.Import(baseFolder, settings.Adapter!, output);
            Out.WriteLine($"imported adapter r={result.Lora.Rank} alpha={result.Lora.Alpha} on {result.AdaptedModules.Count} projections " +
                          $"({result.AdapterTensors} tensors), merged into {result.OutputFolder}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or CheckpointMismatchException or ArgumentException or NotSupportedException)
        {
            Out.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
