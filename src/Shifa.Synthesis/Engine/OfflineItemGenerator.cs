using System.Text.Json;
using Shifa.Core.Records;
using Shifa.Synthesis.Offline;
using Shifa.Synthesis.Planning;

namespace Shifa.Synthesis.Engine;

/// <summary>Runs the <see cref="OfflineAugmenter"/> for an item; free, instant and deterministic.</summary>
public sealed class OfflineItemGenerator(IReadOnlyDictionary<string, QaRecord> seed, OfflineAugmenter? augmenter = null) : IWorkItemGenerator
{
    private readonly OfflineAugmenter _augmenter = augmenter ?? new OfflineAugmenter();

    /// <inheritdoc />
    public Task<ItemOutcome> GenerateAsync(WorkItem item, CancellationToken cancellationToken = default)
    {
        var missing = item.ExemplarIds.Where(id => !seed.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return Task.FromResult(new ItemOutcome(item, ItemStatus.Failed, OfflineAugmenter.ModelName, [], [],
                "missing_exemplar", $"Exemplar records no longer in the workspace: {string.Join(", ", missing)}. Re-run `shifa synthesize plan`."));
        }

        var records = _augmenter.Augment(item, [.. item.ExemplarIds.Select(id => seed[id])], DateTimeOffset.UtcNow);
        var raw = JsonSerializer.Serialize(new { pairs = records.Select(r => new { question = r.Question, exemplar = r.Provenance.ExemplarIds[0] }) });
        return Task.FromResult(new ItemOutcome(item, ItemStatus.Done, OfflineAugmenter.ModelName, records,
            [new AttemptRecord(1, "ok", null, null, "stop", raw, null, 0m, 0)]));
    }
}
