// Runs an ablation: trains what is missing per model × condition, evaluates on the real test split, writes the report.
using System.Text.Json;
using Microsoft.Extensions.AI;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Evaluation.Reports;
using Shifa.Evaluation.Scoring;
using Shifa.Evaluation.Storage;
using Shifa.Evaluation.Systems;
using Shifa.Modeling.Generation;
using Shifa.Modeling.Lora;
using Shifa.Modeling.Training;

namespace Shifa.Evaluation.Ablation;

/// <summary>
/// Executes an <see cref="AblationConfig"/>. Each model × condition is a system named
/// <c>model/condition</c>; trained models go to <c>models/ablation-{model}-{condition}</c> and are
/// reused when complete; answers and scores are stored per item, so a re-run only does what is missing.
/// </summary>
public sealed class AblationRunner(Workspace workspace, AblationConfig config)
{
    /// <summary>Runs everything; returns the report and the folder it was written to.</summary>
    public async Task<(EvaluationReport Report, string Folder)> RunAsync(IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var records = new RecordStore(workspace).Read();
        var test = records.Where(r => r.Split == RecordSplit.Test && r.Provenance.Kind == RecordKind.Real)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Take(config.MaxTestItems ?? int.MaxValue)
            .ToList();
        if (test.Count == 0)
        {
            throw new InvalidOperationException($"Workspace '{workspace.Root}' has no real test records; run 'shifa split' first.");
        }

        var rejected = ConditionData.Rejected(workspace);
        var store = new EvaluationStore(workspace);
        var runId = $"ablation-{config.Name}";
        store.EnsureRun(runId, config.Name, JsonSerializer.Serialize(config));
        var evaluator = new Evaluator(store);
        var (metrics, encoder) = MetricSet.Create(config.Metrics, config.NormalizeArabic, config.BertScoreModel, config.BertScoreLayer, config.BertScoreIdf, config.BertScoreBaseline);
        try
        {
            foreach (var model in config.Models)
            {
                foreach (var condition in config.Conditions)
                {
                    ct.ThrowIfCancellationRequested();
                    var train = ConditionData.Select(condition, records, rejected);
                    if (train.Count == 0)
                    {
                        throw new InvalidOperationException($"Condition '{condition}' selects no training records; check the split and the synthetic sources in the workspace.");
                    }

                    var name = $"{model.Name}/{condition}";
                    progress?.Report($"{name}: {train.Count} training records");
                    using var system = await CreateSystemAsync(model, condition, name, train, progress, ct).ConfigureAwait(false);
                    var generated = await evaluator.GenerateAsync(runId, system.System, test, ct).ConfigureAwait(false);
                    evaluator.Score(runId, name, test, metrics);
                    progress?.Report($"{name}: {generated} answers generated, {test.Count} scored");
                }
            }
        }
        finally
        {
            encoder?.Dispose();
        }

        var columns = MetricSet.Columns(metrics);
        var systems = config.Models.SelectMany(m => config.Conditions.Select(c => $"{m.Name}/{c}")).ToHashSet(StringComparer.Ordinal);
        var testIds = test.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var scores = store.ReadScores(runId).Where(s => systems.Contains(s.System) && columns.Contains(s.Metric) && testIds.Contains(s.RecordId)).ToList();
        var report = new ReportBuilder { Resamples = config.Resamples, Trials = config.Trials, Seed = config.Seed }
            .Build(runId, $"Ablation '{config.Name}': {test.Count} real test questions", scores, columns, config.Baseline)
            with { EmptyAnswers = store.CountEmptyOutputs(runId, systems, test.Select(t => t.Id).ToHashSet(StringComparer.Ordinal)) };
        var folder = workspace.ArtifactPath("reports", runId);
        ReportWriter.WriteAll(report, folder);
        return (report, folder);
    }

    private async Task<OwnedSystem> CreateSystemAsync(AblationModel model, string condition, string name, IReadOnlyList<QaRecord> train, IProgress<string>? progress, CancellationToken ct)
    {
        if (model.Kind == "retrieval")
        {
            return new OwnedSystem(new RetrievalSystem(train, name), null);
        }

        var folder = workspace.ArtifactPath("models", $"ablation-{model.Name}-{condition.Replace('+', '_')}");
        if (!File.Exists(Path.Combine(folder, "config.json")) || !File.Exists(Path.Combine(folder, "model.safetensors")))
        {
            progress?.Report($"{name}: training {model.Base} on {train.Count} records");
            var options = SftJob.DefaultOptions(model.Base!);
            options = options with
            {
                Epochs = model.Epochs ?? options.Epochs,
                MaxSteps = model.MaxSteps ?? options.MaxSteps,
                Device = model.Device,
                Precision = TrainingPrecisions.Parse(model.Precision),
            };
            var lora = model.Lora is null ? null : LoraConfig.Parse(model.Lora);
            await Task.Run(() => SftJob.Run(new SftJobRequest { Base = model.Base!, OutputDirectory = folder, TrainRecords = train, Options = options, Lora = lora }, null, ct), ct).ConfigureAwait(false);
        }

        var client = LocalChatClient.Load(folder);
        var decoding = new ChatOptions
        {
            Temperature = 0,
            TopP = 1,
            MaxOutputTokens = model.MaxNewTokens,
            Seed = 0,
            AdditionalProperties = new() { [LocalChatClient.RepetitionPenaltyKey] = model.RepetitionPenalty },
        };
        return new OwnedSystem(new ChatClientSystem(name, client, decoding), client);
    }

    private sealed record OwnedSystem(IAnswerSystem System, IDisposable? Resource) : IDisposable
    {
        public void Dispose() => Resource?.Dispose();
    }
}
