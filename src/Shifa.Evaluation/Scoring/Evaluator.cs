// Runs systems over the test split, stores their answers and per-item scores (resumable).
using Shifa.Core.Records;
using Shifa.Evaluation.Storage;
using Shifa.Evaluation.Systems;

namespace Shifa.Evaluation.Scoring;

/// <summary>
/// Generates each system's answer to each test question (skipping answers already stored for the
/// run, so an interrupted run resumes) and scores them against the record's reference answer.
/// </summary>
public sealed class Evaluator(EvaluationStore store)
{
    /// <summary>Answers not yet stored are generated and saved in chunks of this size.</summary>
    public int SaveEvery { get; init; } = 8;

    /// <summary>Generates missing answers of <paramref name="system"/>; returns how many were generated.</summary>
    public async Task<int> GenerateAsync(string runId, IAnswerSystem system, IReadOnlyList<QaRecord> records, CancellationToken ct = default)
    {
        var have = store.ReadOutputs(runId, system.Name);
        var pending = new List<(string, string)>();
        var generated = 0;
        foreach (var r in records.Where(r => !have.ContainsKey(r.Id)))
        {
            ct.ThrowIfCancellationRequested();
            pending.Add((r.Id, await system.AnswerAsync(r, ct).ConfigureAwait(false)));
            generated++;
            if (pending.Count >= SaveEvery)
            {
                store.PutOutputs(runId, system.Name, pending);
                pending.Clear();
            }
        }

        store.PutOutputs(runId, system.Name, pending);
        return generated;
    }

    /// <summary>Scores the stored answers of <paramref name="system"/> with every metric; returns the item scores written.</summary>
    public IReadOnlyList<ItemScore> Score(string runId, string system, IReadOnlyList<QaRecord> records, IEnumerable<IItemMetric> metrics)
    {
        var outputs = store.ReadOutputs(runId, system);
        var missing = records.Where(r => !outputs.ContainsKey(r.Id)).Select(r => r.Id).Take(5).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"System '{system}' has no stored answer for record(s) {string.Join(", ", missing)} in run '{runId}'; generate first.");
        }

        var hyps = records.Select(r => outputs[r.Id]).ToList();
        var refs = records.Select(r => (IReadOnlyList<string>)[r.Answer]).ToList();
        var all = new List<ItemScore>();
        foreach (var metric in metrics)
        {
            var values = metric.Score(hyps, refs);
            for (var k = 0; k < metric.Names.Count; k++)
            {
                for (var i = 0; i < records.Count; i++)
                {
                    // bert_score leaves P or R NaN when every token of a side has idf 0; store 0 and keep the signature.
                    var v = double.IsNaN(values[k][i]) ? 0 : values[k][i];
                    all.Add(new ItemScore(runId, records[i].Id, system, metric.Names[k], v, metric.Signature));
                }
            }
        }

        store.PutScores(all);
        return all;
    }
}
