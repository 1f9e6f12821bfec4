// Runs the chain over a workspace: decides what is out of date, stores decisions, skips what is current.
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Core.Storage;
using Shifa.Curation.Storage;

namespace Shifa.Curation.Pipeline;

/// <summary>
/// Runs the curation chain. Per-record stages decide every target once per configuration hash
/// (stage settings, plus seed/test ids and embedder when the stage reads them), so a re-run with the
/// same config decides nothing and a changed threshold re-decides only that stage. Whole-set stages
/// (within-set dedup) see the survivors of every earlier stage and are re-decided when that set changes.
/// </summary>
public static class CurationRunner
{
    /// <summary>Runs the chain of <paramref name="options"/> (or <paramref name="stages"/>) over the workspace.</summary>
    public static async Task<CurationResult> RunAsync(
        Workspace workspace,
        CurationOptions options,
        IReadOnlyList<IRecordFilter>? stages = null,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null,
        string? embedderFingerprint = null,
        IProgress<StageRunSummary>? progress = null,
        CancellationToken ct = default)
    {
        options.Validated();
        workspace.EnsureSchema(CurationSchema.Instance);
        stages ??= StageCatalog.Build(options, Judging.JudgeFactory.Create(options.Judge, workspace));
        var names = stages.Select(s => s.Identity.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException($"Stage names must be unique: {string.Join(", ", names)}.", nameof(stages));
        }

        using var context = CurationContext.Load(workspace, options, embedder, embedderFingerprint);
        var targets = context.Targets.Records;
        var fingerprint = context.EmbedderFingerprint;
        var store = new DecisionStore(workspace);
        var runId = StartRun(workspace, options, targets.Count);
        var survivors = Enumerable.Range(0, targets.Count).ToList();
        var summaries = new List<StageRunSummary>();
        var targetIds = new HashSet<string>(targets.Select(t => t.Id), StringComparer.Ordinal);
        for (var position = 0; position < stages.Count; position++)
        {
            var stage = stages[position];
            var id = stage.Identity;
            var watch = Stopwatch.StartNew();
            var refs = id.UsesReferences ? context.ReferenceHash + "/" + fingerprint : "";
            IReadOnlyList<int> inputs;
            string hash;
            List<int> todo;
            var stale = new List<string>();
            if (id.Scope == FilterScope.PerRecord)
            {
                inputs = Enumerable.Range(0, targets.Count).ToList();
                hash = ContentHash.Short(16, id.Fingerprint, refs);
                var current = store.CurrentIds(id.Name, hash);
                todo = [.. inputs.Where(r => !current.Contains(targets[r].Id))];
            }
            else
            {
                inputs = survivors;
                hash = ContentHash.Short(16, id.Fingerprint, refs, ContentHash.Of([.. survivors.Select(r => targets[r].Id)]));
                var current = store.CurrentIds(id.Name, hash);
                var upToDate = survivors.All(r => current.Contains(targets[r].Id));
                todo = upToDate ? [] : [.. survivors];
                if (!upToDate)
                {
                    var survivorIds = survivors.Select(r => targets[r].Id).ToHashSet(StringComparer.Ordinal);
                    stale = [.. store.Verdicts(id.Name).Keys.Where(k => targetIds.Contains(k) && !survivorIds.Contains(k))];
                }
            }

            if (todo.Count > 0 || stale.Count > 0)
            {
                var decisions = todo.Count == 0 ? [] : await stage.DecideAsync(new FilterBatch(context, todo), ct).ConfigureAwait(false);
                Check(id.Name, todo, decisions, targets);
                store.Write(id.Name, hash, decisions, stale);
            }

            var verdicts = store.Verdicts(id.Name);
            var before = inputs.Count;
            var dropped = inputs.Count(r => !verdicts[targets[r].Id]);
            survivors = [.. survivors.Where(r => verdicts[targets[r].Id])];
            var summary = new StageRunSummary(id.Name, hash, before, todo.Count, before - todo.Count, dropped, watch.Elapsed.TotalSeconds);
            RecordStage(workspace, runId, position, summary);
            summaries.Add(summary);
            progress?.Report(summary);
        }

        var keptIds = survivors.Select(r => targets[r].Id).ToList();
        FinishRun(workspace, runId, keptIds.Count);
        return new CurationResult(runId, targets.Count, keptIds.Count, summaries, keptIds);
    }

    private static void Check(string stage, List<int> rows, IReadOnlyList<FilterDecision> decisions, IReadOnlyList<QaRecord> targets)
    {
        if (decisions.Count != rows.Count)
        {
            throw new InvalidOperationException($"Stage '{stage}' returned {decisions.Count} decisions for {rows.Count} records.");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (decisions[i].RecordId != targets[rows[i]].Id)
            {
                throw new InvalidOperationException($"Stage '{stage}' returned a decision for {decisions[i].RecordId} where {targets[rows[i]].Id} was expected.");
            }
        }
    }

    private static long StartRun(Workspace ws, CurationOptions options, int targets)
    {
        using var c = ws.OpenConnection();
        using var cmd = c.CreateCommand();
        var json = JsonSerializer.Serialize(options, CurationOptions.JsonOptions);
        cmd.CommandText = "INSERT INTO curation_runs(config_json, config_hash, targets, started_at) VALUES ($j, $h, $t, $s); SELECT last_insert_rowid();";
        cmd.Parameters.AddWithValue("$j", json);
        cmd.Parameters.AddWithValue("$h", ContentHash.Short(16, json));
        cmd.Parameters.AddWithValue("$t", targets);
        cmd.Parameters.AddWithValue("$s", DateTimeOffset.UtcNow.ToString("O"));
        return (long)cmd.ExecuteScalar()!;
    }

    private static void RecordStage(Workspace ws, long runId, int position, StageRunSummary s)
    {
        using var c = ws.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO curation_stage_runs(run_id, stage, position, config_hash, inputs, decided, reused, seconds) VALUES ($r, $s, $p, $h, $i, $d, $u, $sec)";
        cmd.Parameters.AddWithValue("$r", runId);
        cmd.Parameters.AddWithValue("$s", s.Stage);
        cmd.Parameters.AddWithValue("$p", position);
        cmd.Parameters.AddWithValue("$h", s.ConfigHash);
        cmd.Parameters.AddWithValue("$i", s.Inputs);
        cmd.Parameters.AddWithValue("$d", s.Decided);
        cmd.Parameters.AddWithValue("$u", s.Reused);
        cmd.Parameters.AddWithValue("$sec", s.Seconds);
        cmd.ExecuteNonQuery();
    }

    private static void FinishRun(Workspace ws, long runId, int kept)
    {
        using var c = ws.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE curation_runs SET kept = $k, finished_at = $f WHERE id = $r";
        cmd.Parameters.AddWithValue("$k", kept);
        cmd.Parameters.AddWithValue("$f", DateTimeOffset.UtcNow.ToString("O"));
        cmd.Parameters.AddWithValue("$r", runId);
        cmd.ExecuteNonQuery();
    }
}
