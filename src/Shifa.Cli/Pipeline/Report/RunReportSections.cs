// Gathers the sections of a run report from what each stage left in the workspace.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Evaluation.Storage;
using Shifa.Synthesis.Status;
using Shifa.Synthesis.Storage;
using Shifa.Web.Review;
using Shifa.Web.Safety;

namespace Shifa.Cli.Pipeline.Report;

/// <summary>Builds each <see cref="ReportSection"/> of a run from the workspace's tables and artifacts.</summary>
internal static class RunReportSections
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IReadOnlyList<ReportSection> Build(PipelineContext context, string ablationRunId, string? safetySetPath)
    {
        var ws = context.Workspace;
        return
        [
            Profile(ws),
            Synthesis(ws),
            Curation(ws),
            Review(ws),
            Training(ws),
            Ablation(ws, ablationRunId),
            SampleAnswers(ws, ablationRunId),
            Safety(safetySetPath),
            Reproduce(context),
        ];
    }

    private static ReportSection Profile(Workspace ws)
    {
        var dir = Path.Combine(ws.Root, "profile");
        var md = Path.Combine(dir, "profile.md");
        return new ReportSection("profile", "Data profile",
            File.Exists(md) ? Demote(StripImages(File.ReadAllText(md))) : "No profile was computed (run `shifa profile`).",
            Directory.Exists(dir) ? Directory.GetFiles(dir, "*.png").Order(StringComparer.Ordinal).ToList() : []);
    }

    private static ReportSection Synthesis(Workspace ws)
    {
        var stats = SynthesisStatus.Read(new SynthesisStore(ws));
        if (stats.Count == 0)
        {
            return new ReportSection("synthesis", "Synthesis: spend and yield", "No synthesis was run.");
        }

        var sb = new StringBuilder("| provider | items done | failed | pending | records | input tokens | output tokens | cost (USD) | p50 latency (ms) | p95 latency (ms) | errors |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var s in stats)
        {
            sb.Append(Inv, $"| {s.Provider} | {s.Done} | {s.Failed} | {s.Pending} | {s.Records} | {s.InputTokens} | {s.OutputTokens} | {s.CostUsd:0.00} | {s.LatencyP50Ms:0} | {s.LatencyP95Ms:0} | {string.Join(", ", s.ErrorKinds.Select(e => $"{e.Key} {e.Value}"))} |\n");
        }

        var kinds = new RecordStore(ws).Read().GroupBy(r => r.Provenance.Kind).ToDictionary(g => g.Key, g => g.Count());
        sb.Append(Inv, $"\nRecords in the workspace: {kinds.GetValueOrDefault(RecordKind.Real)} real, {kinds.GetValueOrDefault(RecordKind.LlmSynthetic)} LLM-generated, {kinds.GetValueOrDefault(RecordKind.OfflineAugmented)} from the offline augmenter (classical augmentation, not LLM output).\n");
        return new ReportSection("synthesis", "Synthesis: spend and yield", sb.ToString());
    }

    private static ReportSection Curation(Workspace ws)
    {
        var dir = Path.Combine(ws.Root, "curate");
        var md = Path.Combine(dir, "report.md");
        return new ReportSection("curation", "Curation funnel",
            File.Exists(md) ? Demote(StripImages(File.ReadAllText(md))) : "Curation did not run.",
            Directory.Exists(dir) ? Directory.GetFiles(dir, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : []);
    }

    private static ReportSection Review(Workspace ws)
    {
        var store = new ReviewStore(ws);
        var rounds = store.Rounds();
        if (rounds.Count == 0)
        {
            return new ReportSection("review", "Expert validation",
                "No review round yet. Start one with `shifa serve --workspace DIR` (admin page → new round); accepted, edited and rejected records then feed back into training.");
        }

        var sb = new StringBuilder("| round | population | sample | overlap | reviewed | Cohen's κ | Fleiss' κ | disagreements |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rounds)
        {
            var a = store.Agreement(r.Id);
            sb.Append(Inv, $"| {r.Name} | {r.Population} | {r.SampleSize} | {r.Overlap:0.##} | {r.Reviewed} | {a.CohenKappa:0.000} | {a.FleissKappa:0.000} | {a.Disagreements.Count} |\n");
        }

        sb.Append("\n| provider | accepted | reviewed | acceptance | 95% CI (Wilson) |\n|---|---|---|---|---|\n");
        foreach (var p in store.AcceptanceByProvider())
        {
            sb.Append(Inv, $"| {p.Provider} | {p.Interval.Successes} | {p.Interval.Total} | {p.Interval.Rate:0.000} | [{p.Interval.Low:0.000}, {p.Interval.High:0.000}] |\n");
        }

        return new ReportSection("review", "Expert validation", sb.ToString());
    }

    private static ReportSection Training(Workspace ws)
    {
        var models = Path.Combine(ws.Root, "models");
        var sb = new StringBuilder();
        var images = new List<string>();
        foreach (var dir in Directory.Exists(models) ? Directory.GetDirectories(models).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var metricsPath = Path.Combine(dir, "training_metrics.json");
            sb.Append($"### {Path.GetFileName(dir)}\n\n");
            if (File.Exists(metricsPath))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(metricsPath));
                var summary = doc.RootElement.GetProperty("summary");
                sb.Append("| field | value |\n|---|---|\n");
                foreach (var p in summary.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String))
                {
                    sb.Append(Inv, $"| {p.Name} | {(p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble().ToString("0.####", Inv) : p.Value.GetString())} |\n");
                }

                sb.Append('\n');
            }
            else
            {
                sb.Append("No training summary in this folder.\n\n");
            }

            images.AddRange(Directory.GetFiles(dir, "*.png").Order(StringComparer.Ordinal));
        }

        return new ReportSection("training", "Training curves", sb.Length == 0 ? "No model was trained." : sb.ToString(), images);
    }

    private static ReportSection Ablation(Workspace ws, string runId)
    {
        var dir = Path.Combine(ws.Root, "reports", runId);
        var md = Path.Combine(dir, "report.md");
        var charts = Path.Combine(dir, "charts");
        return new ReportSection("ablation", "Ablation: models × data conditions",
            File.Exists(md) ? Demote(StripImages(File.ReadAllText(md))) : "No ablation was run.",
            Directory.Exists(charts) ? Directory.GetFiles(charts, "*.png").Order(StringComparer.Ordinal).ToList() : []);
    }

    private static ReportSection SampleAnswers(Workspace ws, string runId)
    {
        var store = new EvaluationStore(ws);
        var systems = store.ReadScores(runId).Select(s => s.System).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (systems.Count == 0)
        {
            return new ReportSection("samples", "Sample answers side by side", "No system was evaluated.");
        }

        var outputs = systems.ToDictionary(s => s, s => store.ReadOutputs(runId, s), StringComparer.Ordinal);
        var test = new RecordStore(ws).ReadSplit(RecordSplit.Test).OrderBy(r => r.Id, StringComparer.Ordinal)
            .Where(r => outputs.Values.All(o => o.ContainsKey(r.Id))).Take(5).ToList();
        var sb = new StringBuilder();
        foreach (var r in test)
        {
            sb.Append($"#### {Cell(r.Question, 300)}\n\n| system | answer |\n|---|---|\n| reference (doctor) | {Cell(r.Answer, 400)} |\n");
            foreach (var s in systems)
            {
                sb.Append($"| {s} | {Cell(outputs[s][r.Id], 400)} |\n");
            }

            sb.Append('\n');
        }

        return new ReportSection("samples", "Sample answers side by side", sb.Length == 0 ? "No test question was answered by every system." : sb.ToString());
    }

    private static ReportSection Safety(string? safetyFolder)
    {
        if (safetyFolder is null || !Directory.Exists(safetyFolder))
        {
            return new ReportSection("safety", "Safety layer", "The labelled red-flag sets were not found, so the safety layer was not measured.");
        }

        var heldOutFiles = Directory.GetFiles(safetyFolder, SafetySets.HeldOutPattern).Order(StringComparer.Ordinal).ToList();
        var earlierFile = Path.Combine(safetyFolder, SafetySets.EarlierHeldOut);
        var development = Directory.GetFiles(safetyFolder, "red-flags*.tsv")
            .Where(f => !heldOutFiles.Contains(f) && f != earlierFile)
            .Order(StringComparer.Ordinal)
            .ToList();
        // Between two held-out sets (the last one became development data once scored) there is no
        // unbiased estimate: say so rather than present development figures as one.
        var heldOut = heldOutFiles.Select(f => (File: Path.GetFileName(f), Score: Measure([f]))).ToList();
        var heldOutRows = string.Concat(heldOut.Select(h =>
            $"| held out: `{h.File}` (written without reading the rules, never used to change them or to train) | {h.Score.Row} |\n"));
        var earlierRow = File.Exists(earlierFile)
            ? $"| earlier held-out set (scored during later development, never used to write rules or to train) | {Measure([earlierFile]).Row} |\n"
            : "";
        var (_, devText) = development.Count > 0 ? Measure(development) : (0, "0 | – | – | – | –");
        var verdict = heldOut.Count == 0
            ? "**No held-out set is in place** (no `red-flags-heldout*.tsv` is written yet), so there is no unbiased recall estimate; the development figures are optimistic. Do not rely on this screen alone for triage."
            : heldOut.Any(h => h.Score.Recall < 0.95)
                ? "**A held-out recall is below the 0.95 target**: do not rely on this screen alone for triage."
                : "The held-out recall meets the target on messages from writers the screen never saw; it is still a screen, not a triage system, and real patients may write differently.";
        return new ReportSection("safety", "Safety layer", string.Create(Inv, $"""
            Red-flag detector (urgent-care notice instead of the model's answer), measured on labelled messages in MSA and dialects:
            hand-written rules, backed by a learned screen trained on the development sets (it flags what the rules miss and
            sets a fired rule aside only when nearly sure the message is ordinary). Targets: recall ≥ 0.95, false positives ≤ 0.10.

            | set | messages | rules and learned screen: recall | false-positive rate | rules alone: recall | false-positive rate |
            |---|---|---|---|---|---|
            {heldOutRows}{earlierRow}| development (the learned screen trained on all of these, the rules were tuned on most) | {devText} |

            {verdict}
            Every backend (local model, retrieval, remote provider) answers behind this layer.

            """));
    }

    // Recall and false-positive rate of the served detector and of the rules alone over the labelled files.
    private static (double Recall, string Row) Measure(IReadOnlyList<string> files)
    {
        var messages = files.SelectMany(LabelledMessageReader.Read).ToList();
        var served = RedFlagScore.Of(messages, RedFlagDetector.Default);
        return (served.Recall, string.Create(Inv, $"{messages.Count} | {Rates(served)} | {Rates(RedFlagScore.Of(messages, RedFlagDetector.Rules))}"));
    }

    private static string Rates(RedFlagScore s) => string.Create(Inv,
        $"{s.Recall:0.000} ({s.TruePositives}/{s.TruePositives + s.FalseNegatives}) | {s.FalsePositiveRate:0.000} ({s.FalsePositives}/{s.FalsePositives + s.TrueNegatives})");

    private static ReportSection Reproduce(PipelineContext context)
    {
        var manifests = new ManifestStore(context.Workspace).All();
        var sb = new StringBuilder(string.Create(Inv,
            $"- Shifa code version: `{PipelineRunner.CodeVersion}`\n- .NET: `{Environment.Version}`\n- Configuration: `{context.ConfigPath}` (SHA-256 `{Shifa.Core.Hashing.ContentHash.OfFile(context.ConfigPath)}`)\n- Command: `shifa run --config {Path.GetFileName(context.ConfigPath)} --workspace {context.Workspace.Root}`\n\n"));
        sb.Append("| stage | input hash | config hash | code version | completed |\n|---|---|---|---|---|\n");
        foreach (var m in manifests)
        {
            sb.Append(Inv, $"| {m.Stage} | `{Abbrev(m.InputHash)}` | `{Abbrev(m.ConfigHash)}` | `{m.CodeVersion}` | {m.CompletedAt:yyyy-MM-dd HH:mm:ss} |\n");
        }

        return new ReportSection("reproduce", "Reproducibility", sb.ToString());
    }

    // Embedded reports carry their own top-level headings and image links relative to their own
    // folders: push the headings below the section heading; their images are copied in as section images.
    private static string Demote(string markdown) =>
        string.Join('\n', markdown.Split('\n').Select(l => l.StartsWith('#') ? "##" + l : l));

    private static string StripImages(string markdown) =>
        string.Join('\n', markdown.Split('\n').Where(l => !l.TrimStart().StartsWith("![", StringComparison.Ordinal)));

    private static string Abbrev(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static string Cell(string text, int max)
    {
        var t = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Trim();
        return t.Length <= max ? t : t[..max] + "…";
    }
}
