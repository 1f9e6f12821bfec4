// `shifa train`: fine-tunes (or trains from a preset) on the workspace's records and writes models/<name>/.
using System.ComponentModel;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Modeling.Checkpoints;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Presets;
using Shifa.Modeling.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Modeling;

/// <summary>Trains a model on the workspace's training split and writes a Hugging Face model folder under <c>models/</c>.</summary>
internal sealed class TrainCommand(IAnsiConsole console) : Command<TrainCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace folder (shifa.db with split records).")]
        public string? Workspace { get; init; }

        [CommandOption("--base <MODEL>")]
        [Description("A preset (shifa-tiny, shifa-small) or a model folder in Hugging Face layout.")]
        [DefaultValue("shifa-tiny")]
        public string Base { get; init; } = "shifa-tiny";

        [CommandOption("--lora <SPEC>")]
        [Description("Train LoRA adapters instead of all weights, e.g. r=16,alpha=32,dropout=0.05,targets=q_proj+v_proj.")]
        public string? Lora { get; init; }

        [CommandOption("--data <SPLIT>")]
        [Description("Records to train on: train (validate on val), or all (every non-test record; a tenth held out for validation).")]
        [DefaultValue("train")]
        public string Data { get; init; } = "train";

        [CommandOption("--epochs <N>")]
        [Description("Passes over the data (default: the preset's, or 3 for a model folder).")]
        public int? Epochs { get; init; }

        [CommandOption("--max-steps <N>")]
        [Description("Stop after N optimizer steps.")]
        public int? MaxSteps { get; init; }

        [CommandOption("--lr <RATE>")]
        [Description("Peak learning rate (default: the preset's).")]
        public double? LearningRate { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("cpu or cuda.")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--precision <MODE>")]
        [Description("fp32, bf16 (bfloat16 matmuls, float32 weights, optimizer state, norms and loss) or auto (bf16 where the CPU has AMX/AVX512-BF16 or the GPU multiplies bf16 faster).")]
        [DefaultValue("auto")]
        public string Precision { get; init; } = "auto";

        [CommandOption("--seed <N>")]
        [Description("Seed for initialisation and data order.")]
        public int? Seed { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("Folder name under models/ (default: the base's name, or <base>-lora).")]
        public string? Name { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Workspace)) return ValidationResult.Error("--workspace DIR is required.");
            if (Data is not ("train" or "all")) return ValidationResult.Error($"--data must be train or all, not '{Data}'.");
            if (Device is not ("cpu" or "cuda")) return ValidationResult.Error($"--device must be cpu or cuda, not '{Device}'.");
            if (Precision.ToLowerInvariant() is not ("fp32" or "bf16" or "auto")) return ValidationResult.Error($"--precision must be fp32, bf16 or auto, not '{Precision}'.");
            if (Epochs is < 1) return ValidationResult.Error("--epochs must be at least 1.");
            if (MaxSteps is < 1) return ValidationResult.Error("--max-steps must be at least 1.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        SftJobResult result;
        string output;
        try
        {
            var lora = settings.Lora is null ? null : LoraConfig.Parse(settings.Lora);
            var workspace = Workspace.Open(settings.Workspace!);
            var store = new RecordStore(workspace);
            // Accepted synthetic records are in train (never val/test); bring their split up to date with the latest decisions.
            Shifa.Core.Splitting.SyntheticSplitRule.Apply(workspace);
            var (train, validation) = settings.Data == "all"
                ? (store.Read().Where(r => r.IsSynthetic ? r.Split == RecordSplit.Train : r.Split != RecordSplit.Test).ToList(), new List<QaRecord>())
                : (store.ReadSplit(RecordSplit.Train), store.ReadSplit(RecordSplit.Val));
            var defaults = SftJob.DefaultOptions(settings.Base);
            var options = defaults with
            {
                Epochs = settings.Epochs ?? defaults.Epochs,
                MaxSteps = settings.MaxSteps ?? defaults.MaxSteps,
                LearningRate = settings.LearningRate ?? defaults.LearningRate,
                Seed = settings.Seed ?? defaults.Seed,
                Device = settings.Device,
                Precision = TrainingPrecisions.Parse(settings.Precision),
            };
            var name = settings.Name ?? DefaultName(settings.Base, lora is not null);
            output = workspace.ArtifactPath("models", name);
            var request = new SftJobRequest
            {
                Base = settings.Base, OutputDirectory = output, TrainRecords = train, ValidationRecords = validation,
                Lora = lora, Options = options,
            };
            result = RunWithProgress(request, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or CheckpointMismatchException or ArgumentException
                                       or FormatException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            console.WriteLine($"error: {e.Message}");
            return 1;
        }

        foreach (var problem in result.Summary.Problems)
        {
            console.WriteLine($"skipped {problem}");
        }

        var s = result.Summary;
        console.WriteLine(
            $"trained {settings.Base} for {s.Steps} steps on {s.TrainExamples} records in {s.Seconds:F0} s ({s.TokensPerSecond:F0} tokens/s, {s.Precision}): " +
            $"train loss {s.FinalTrainLoss:F3}, validation loss {s.FinalValidationLoss?.ToString("F3") ?? "n/a"}, " +
            $"unigram entropy {s.UnigramEntropy:F3} nats, fertility {s.TokenizerFertility:F2} tokens/word; wrote {output}");
        return 0;
    }

    private SftJobResult RunWithProgress(SftJobRequest request, CancellationToken ct)
    {
        SftJobResult? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("preparing", maxValue: 1);
                var progress = new ImmediateProgress(p =>
                {
                    task.MaxValue = p.TotalSteps;
                    task.Value = p.Step;
                    var m = p.Metric;
                    task.Description = $"step {p.Step}/{p.TotalSteps} loss {m.TrainLoss:F3}" +
                        (m.ValidationLoss is { } v ? $" val {v:F3}" : "") + $" {m.TokensPerSecond:F0} tok/s";
                });
                result = SftJob.Run(request, progress, ct);
            });
        return result!;
    }

    private static string DefaultName(string baseModel, bool lora)
    {
        var stem = ShifaPresets.IsPreset(baseModel) ? baseModel : Path.GetFileName(Path.TrimEndingDirectorySeparator(baseModel));
        return lora ? stem + "-lora" : stem;
    }

    // Progress<T> posts to the thread pool; the bar must update in step with training.
    private sealed class ImmediateProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
