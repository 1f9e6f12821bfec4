// Writes training metrics as CSV, JSON and a loss plot (ScottPlot) into a model folder.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shifa.Modeling.Training;

/// <summary>Writes <c>training_metrics.csv</c>, <c>training_metrics.json</c> and <c>training_loss.png</c>.</summary>
public static class TrainingMetricsLog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the three files; <paramref name="summary"/> goes into the JSON next to the per-step rows.</summary>
    public static void Write(string directory, IReadOnlyList<TrainingMetric> metrics, TrainingSummary summary)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(summary);
        Directory.CreateDirectory(directory);
        var csv = new StringBuilder("step,epoch,learning_rate,train_loss,validation_loss,gradient_norm,tokens_per_second,elapsed_seconds\n");
        foreach (var m in metrics)
        {
            csv.AppendLine(string.Join(',',
                m.Step.ToString(CultureInfo.InvariantCulture),
                m.Epoch.ToString("0.####", CultureInfo.InvariantCulture),
                m.LearningRate.ToString("G6", CultureInfo.InvariantCulture),
                m.TrainLoss.ToString("R", CultureInfo.InvariantCulture),
                m.ValidationLoss?.ToString("R", CultureInfo.InvariantCulture) ?? "",
                m.GradientNorm.ToString("G6", CultureInfo.InvariantCulture),
                m.TokensPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                m.ElapsedSeconds.ToString("F3", CultureInfo.InvariantCulture)));
        }

        File.WriteAllText(Path.Combine(directory, "training_metrics.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(directory, "training_metrics.json"),
            JsonSerializer.Serialize(new { summary, steps = metrics }, Json));
        WritePlot(Path.Combine(directory, "training_loss.png"), metrics, summary);
    }

    private static void WritePlot(string path, IReadOnlyList<TrainingMetric> metrics, TrainingSummary summary)
    {
        var plot = new ScottPlot.Plot();
        var train = plot.Add.Scatter(metrics.Select(m => (double)m.Step).ToArray(), metrics.Select(m => m.TrainLoss).ToArray());
        train.LegendText = "train loss";
        train.MarkerSize = 0;
        var validation = metrics.Where(m => m.ValidationLoss is not null).ToArray();
        if (validation.Length > 0)
        {
            var val = plot.Add.Scatter(validation.Select(m => (double)m.Step).ToArray(), validation.Select(m => m.ValidationLoss!.Value).ToArray());
            val.LegendText = "validation loss";
        }

        if (summary.UnigramEntropy is { } entropy)
        {
            var line = plot.Add.HorizontalLine(entropy);
            line.LegendText = "unigram entropy";
            line.LinePattern = ScottPlot.LinePattern.Dashed;
        }

        plot.Title("Shifa training loss");
        plot.XLabel("optimizer step");
        plot.YLabel("loss (nats / answer token)");
        plot.ShowLegend();
        plot.SavePng(path, 900, 500);
    }
}
