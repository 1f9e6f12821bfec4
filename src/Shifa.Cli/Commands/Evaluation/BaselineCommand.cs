// `shifa evaluate baseline`: computes an Arabic BERTScore rescaling baseline per layer.
using System.ComponentModel;
using Shifa.Core.Storage;
using Shifa.Evaluation.Metrics.BertScore;
using Shifa.Modeling.Architectures.Bert;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Evaluation;

/// <summary>Scores random pairs of the workspace's Arabic answers at each layer and writes a bert_score-format baseline file.</summary>
internal sealed class BaselineCommand(IAnsiConsole console) : Command<BaselineCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("-w|--workspace <DIR>")]
        [Description("Workspace whose records supply the Arabic text.")]
        public string Workspace { get; init; } = "";

        [CommandOption("--bertscore-model <DIR>")]
        [Description("Encoder folder: BERT, RoBERTa or XLM-RoBERTa (config.json + safetensors + tokenizer files).")]
        public string Model { get; init; } = "";

        [CommandOption("--pairs <N>")]
        [Description("Random pairs per layer.")]
        [DefaultValue(1000)]
        public int Pairs { get; init; } = 1000;

        [CommandOption("--seed <N>")]
        [DefaultValue(12345)]
        public int Seed { get; init; } = 12345;

        [CommandOption("--out <FILE>")]
        [Description("Output file; default eval/baselines/ar/<model>.tsv in the workspace.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Workspace) || string.IsNullOrWhiteSpace(Model)
                ? ValidationResult.Error("--workspace DIR and --bertscore-model DIR are required.")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var workspace = Workspace.Open(settings.Workspace);
        var corpus = new RecordStore(workspace).Read().SelectMany(r => new[] { r.Question, r.Answer }).ToList();
        using var model = BertModel.Load(settings.Model);
        var tokenizer = EncoderTokenizerLoader.Load(settings.Model, model.Config);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Model)));
        var rows = BaselineEstimator.Estimate(
            corpus, layer => new TorchBertEncoder(model, tokenizer, TorchBertEncoder.NameOf(settings.Model, model.Config), layer), Enumerable.Range(0, model.Layers + 1), settings.Pairs, settings.Seed);
        var path = settings.Out ?? Path.Combine(workspace.ArtifactPath("eval", "baselines", "ar"), $"{name}.tsv");
        BertScoreBaseline.Save(path, rows);
        console.WriteLine($"Wrote BERTScore baseline for {name}, layers 0-{model.Layers}, {settings.Pairs} random pairs from {corpus.Count} texts: {path}");
        return 0;
    }
}
