// `shifa export trainer`: the workspace's curated splits and a ready TRL or Axolotl configuration for cluster training.
using System.ComponentModel;
using Shifa.Core.Storage;
using Shifa.Interop.Trainers;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Interop;

/// <summary>Writes a trainer bundle (chat-format JSONL splits + config) for TRL/accelerate or Axolotl.</summary>
internal sealed class ExportTrainerCommand(IAnsiConsole console) : Command<ExportTrainerCommand.Settings>
{
    private TextWriter Out => console.Profile.Out.Writer;

    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace whose curated train/val/test splits are exported.")]
        public string? Workspace { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("trl (SFTTrainer + accelerate/DeepSpeed) or axolotl.")]
        [DefaultValue("trl")]
        public string Format { get; init; } = "trl";

        [CommandOption("-o|--out <DIR>")]
        [Description("Bundle folder to write.")]
        public string? Out { get; init; }

        [CommandOption("--base-model <ID>")]
        [Description("Hugging Face id or path of the model to fine-tune on the cluster; a GPT-2, LLaMA or Mistral model, which Shifa can load to import the adapter back.")]
        [DefaultValue(LoadableArchitecture.DefaultTrainerBase)]
        public string BaseModel { get; init; } = LoadableArchitecture.DefaultTrainerBase;

        [CommandOption("--lora <SPEC>")]
        [Description("LoRA settings as Shifa's train command takes them, e.g. r=16,alpha=32,dropout=0.05.")]
        public string? Lora { get; init; }

        [CommandOption("--sequence-length <N>")]
        [DefaultValue(2048)]
        public int SequenceLength { get; init; } = 2048;

        [CommandOption("--gpus <N>")]
        [Description("GPUs per node (accelerate num_processes).")]
        [DefaultValue(8)]
        public int Gpus { get; init; } = 8;

        [CommandOption("--shifa-template")]
        [Description("Train with Shifa's chat template instead of the base model's own.")]
        public bool ShifaTemplate { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Workspace)) return ValidationResult.Error("--workspace DIR is required.");
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out DIR is required.");
            if (Format is not ("trl" or "axolotl")) return ValidationResult.Error($"--format '{Format}' is not trl or axolotl.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var defaults = new TrainerBundleOptions();
            var options = defaults with
            {
                BaseModel = settings.BaseModel,
                Lora = settings.Lora is null ? defaults.Lora : LoraConfig.Parse(settings.Lora),
                SequenceLength = settings.SequenceLength,
                Gpus = settings.Gpus,
                ChatTemplate = settings.ShifaTemplate ? ArabicQaChatTemplate.Jinja : null,
            };
            if (LoadableArchitecture.ModelTypeOf(settings.BaseModel) is { } type && !LoadableArchitecture.IsLoadable(type))
            {
                // Training elsewhere is the user's call; they should know the adapter will not come back.
                Out.WriteLine($"warning: --base-model '{settings.BaseModel}' is a '{type}' model, which Shifa cannot load: `shifa import adapter` will refuse " +
                    $"the trained adapter. Use a {string.Join(", ", LoadableArchitecture.ModelTypes)} model such as {LoadableArchitecture.DefaultTrainerBase} to evaluate and serve it with Shifa.");
            }

            var format = settings.Format == "trl" ? TrainerFormat.Trl : TrainerFormat.Axolotl;
            var workspace = Shifa.Core.Storage.Workspace.Open(settings.Workspace!);
            // Accepted synthetic records train too; their split follows the latest curation and review decisions.
            Shifa.Core.Splitting.SyntheticSplitRule.Apply(workspace);
            var result = TrainerBundleExporter.Export(workspace, settings.Out!, format, options);
            string launch = format == TrainerFormat.Trl
                ? "accelerate launch --config_file accelerate_config.yaml -m trl.scripts.sft --config sft_config.yaml"
                : "axolotl train axolotl.yaml";
            Out.WriteLine($"exported {result.Train} train, {result.Validation} validation, {result.Test} test records for {settings.Format} " +
                          $"({string.Join(", ", result.Files)}) → {result.Folder}; run there: {launch}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            Out.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
