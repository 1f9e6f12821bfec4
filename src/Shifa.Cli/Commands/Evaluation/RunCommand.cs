// `shifa evaluate run`: answers the test split with one or more systems, scores them and writes the report.
using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Evaluation.Reports;
using Shifa.Evaluation.Scoring;
using Shifa.Evaluation.Storage;
using Shifa.Evaluation.Systems;
using Shifa.Modeling.Generation;
using Shifa.Synthesis.Pipeline;
using Shifa.Synthesis.Providers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Shifa.Cli.Commands.Evaluation;

/// <summary>Evaluates systems on the workspace's real test split.</summary>
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunCommand.Settings>
{
    internal sealed class Settings : MetricSettings
    {
        [CommandOption("-s|--system <SYSTEM>")]
        [Description("'retrieval', a model folder, or provider:NAME for a remote provider from providers.json (repeatable).")]
        public string[] Systems { get; init; } = ["retrieval"];

        [CommandOption("--run <NAME>")]
        [Description("Run name; re-running the same name resumes it.")]
        [DefaultValue("eval")]
        public string Run { get; init; } = "eval";

        [CommandOption("--max-items <N>")]
        [Description("Evaluate only the first N test records (by id).")]
        public int? MaxItems { get; init; }

        [CommandOption("--max-tokens <N>")]
        [Description("Longest generated answer for model systems.")]
        [DefaultValue(128)]
        public int MaxTokens { get; init; } = 128;

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Workspace) ? ValidationResult.Error("--workspace DIR is required.") : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var workspace = Workspace.Open(settings.Workspace!);
        var records = new RecordStore(workspace).Read();
        var test = records.Where(r => r.Split == RecordSplit.Test && r.Provenance.Kind == RecordKind.Real)
            .OrderBy(r => r.Id, StringComparer.Ordinal).Take(settings.MaxItems ?? int.MaxValue).ToList();
        var train = records.Where(r => r.Split == RecordSplit.Train).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (test.Count == 0)
        {
            console.MarkupLine("[red]The workspace has no real test records; run 'shifa split' first.[/]");
            return 1;
        }

        var store = new EvaluationStore(workspace);
        store.EnsureRun(settings.Run, settings.Run, JsonSerializer.Serialize(new { settings.Systems, settings.Metrics, settings.BertScoreModel, settings.Layer, settings.Idf, settings.Baseline, settings.MaxItems }));
        var evaluator = new Evaluator(store);
        var (metrics, encoder) = settings.CreateMetrics();
        using var _ = encoder;
        var names = new List<string>();
        foreach (var spec in settings.Systems)
        {
            var (system, resource) = Create(spec, train, settings.MaxTokens, workspace.Root);
            using (resource)
            {
                var generated = await evaluator.GenerateAsync(settings.Run, system, test, cancellationToken);
                evaluator.Score(settings.Run, system.Name, test, metrics);
                console.MarkupLineInterpolated($"{system.Name}: {generated} answers generated, {test.Count} scored");
                names.Add(system.Name);
            }
        }

        var columns = MetricSet.Columns(metrics);
        var ids = test.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var scores = store.ReadScores(settings.Run).Where(s => names.Contains(s.System) && columns.Contains(s.Metric) && ids.Contains(s.RecordId)).ToList();
        var report = new ReportBuilder().Build(settings.Run, $"Evaluation '{settings.Run}': {test.Count} real test questions", scores, columns)
            with { EmptyAnswers = store.CountEmptyOutputs(settings.Run, names, ids) };
        var folder = workspace.ArtifactPath("reports", settings.Run);
        ReportWriter.WriteAll(report, folder);
        console.WriteLine($"Evaluated {names.Count} system(s) on {test.Count} test items with {columns.Count} metric(s); report in {folder}");
        return 0;
    }

    private static (IAnswerSystem System, IDisposable? Resource) Create(string spec, IReadOnlyList<QaRecord> train, int maxTokens, string root)
    {
        if (spec == "retrieval")
        {
            return (new RetrievalSystem(train), null);
        }

        var decoding = new ChatOptions { Temperature = 0, TopP = 1, MaxOutputTokens = maxTokens, Seed = 0 };
        if (spec.StartsWith("provider:", StringComparison.Ordinal))
        {
            // A remote model answering zero-shot, as an upper reference; same greedy decoding as local models.
            var providersPath = Path.Combine(root, "providers.json");
            var providers = File.Exists(providersPath) ? ProvidersFile.Load(providersPath) : ProvidersFile.Default;
            var pricesPath = Path.Combine(root, "prices.json");
            var prices = File.Exists(pricesPath) ? PriceTable.Load(pricesPath) : PriceTable.Default();
            var settings = providers.Get(spec["provider:".Length..]) with { Temperature = 0 };
            var remote = ProviderRegistry.Build(settings, prices, new SpendBudget(null));
            return (new ChatClientSystem($"{settings.Name}-{settings.ResolvedModel}", remote, decoding, ChatClientSystem.DefaultSystemPrompt), remote);
        }

        if (Directory.Exists(spec))
        {
            var client = LocalChatClient.Load(spec);
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec)));
            return (new ChatClientSystem(name, client, decoding), client);
        }

        throw new ArgumentException($"System '{spec}' is neither 'retrieval', 'provider:NAME' nor an existing model folder.");
    }
}
