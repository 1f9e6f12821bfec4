// Options shared by the evaluation commands that compute metrics.
using System.ComponentModel;
using Shifa.Evaluation.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Evaluation;

/// <summary>Workspace and metric options.</summary>
internal class MetricSettings : CommandSettings
{
    [CommandOption("-w|--workspace <DIR>")]
    [Description("Workspace folder.")]
    public string? Workspace { get; init; }

    [CommandOption("--metrics <LIST>")]
    [Description("Comma-separated: chrf, chrf++, bleu, rougeL, bertscore.")]
    [DefaultValue("chrf,rougeL")]
    public string Metrics { get; init; } = "chrf,rougeL";

    [CommandOption("--bertscore-model <DIR>")]
    [Description("Encoder folder for bertscore: BERT, RoBERTa or XLM-RoBERTa (e.g. bert-base-multilingual-cased, xlm-roberta-large).")]
    public string? BertScoreModel { get; init; }

    [CommandOption("--layer <N>")]
    [Description("BERTScore layer (defaults exist for bert-base-multilingual-cased, xlm-roberta-base/large, roberta-base/large).")]
    public int? Layer { get; init; }

    [CommandOption("--idf")]
    [Description("Weight BERTScore tokens by idf over the references.")]
    public bool Idf { get; init; }

    [CommandOption("--baseline <FILE>")]
    [Description("BERTScore baseline file (LAYER,P,R,F); rescales scores.")]
    public string? Baseline { get; init; }

    [CommandOption("--no-normalize")]
    [Description("Score the raw text instead of applying the Arabic matching normalizer first.")]
    public bool NoNormalize { get; init; }

    public IReadOnlyList<string> MetricNames =>
        Metrics.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public (IReadOnlyList<IItemMetric> Metrics, IDisposable? Encoder) CreateMetrics() =>
        MetricSet.Create(MetricNames, !NoNormalize, BertScoreModel, Layer, Idf, Baseline);

    public override ValidationResult Validate()
    {
        foreach (var m in MetricNames)
        {
            if (m != "bertscore" && !StringItemMetrics.Known.Contains(m))
            {
                return ValidationResult.Error($"Unknown metric '{m}' in --metrics; use chrf, chrf++, bleu, rougeL, bertscore.");
            }
        }

        if (MetricNames.Contains("bertscore") && string.IsNullOrWhiteSpace(BertScoreModel))
        {
            return ValidationResult.Error("--metrics bertscore needs --bertscore-model DIR.");
        }

        return ValidationResult.Success();
    }
}
