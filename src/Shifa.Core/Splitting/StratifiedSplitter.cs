// Deterministic train/val/test split of real records, stratified by specialty key.
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Core.Storage;

namespace Shifa.Core.Splitting;

/// <summary>
/// Splits real records into train/val/test by a seed. Within each specialty the order is a hash of
/// (seed, record id), so the split depends only on the seed and the set of records, not on their
/// order. Each specialty gets its proportional share; the fractional remainder carries to the next
/// specialty so that the totals match the requested fractions. A specialty always keeps at least one
/// record in train. Synthetic records never enter val or test: <see cref="Apply"/> places them with
/// <see cref="SyntheticSplitRule"/> (train once vetted, unless grounded on a val/test exemplar).
/// </summary>
public static class StratifiedSplitter
{
    private const string NoSpecialty = "\u0000none";

    /// <summary>
    /// The split of every record in <paramref name="records"/>. Synthetic records get <see cref="RecordSplit.None"/>
    /// here: whether they join train depends on decisions, which <see cref="SyntheticSplitRule"/> reads.
    /// </summary>
    public static IReadOnlyList<(string Id, RecordSplit Split)> Assign(IReadOnlyList<QaRecord> records, SplitOptions? options = null)
    {
        options ??= new SplitOptions();
        var seed = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = new List<(string, RecordSplit)>(records.Count);
        foreach (var r in records.Where(r => r.IsSynthetic))
        {
            result.Add((r.Id, RecordSplit.None));
        }

        var strata = records.Where(r => !r.IsSynthetic)
            .GroupBy(r => r.SpecialtyKey ?? NoSpecialty, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        double carryTest = 0, carryVal = 0;
        foreach (var group in strata)
        {
            var ordered = group.OrderBy(r => ContentHash.Of("split", seed, r.Id), StringComparer.Ordinal).ToList();
            var n = ordered.Count;
            var wantTest = n * options.Test + carryTest;
            var wantVal = n * options.Val + carryVal;
            var nTest = (int)Math.Floor(wantTest + 1e-9);
            var nVal = (int)Math.Floor(wantVal + 1e-9);
            var room = Math.Max(0, n - 1);
            nTest = Math.Min(nTest, room);
            nVal = Math.Min(nVal, room - nTest);
            carryTest = Math.Clamp(wantTest - nTest, 0, 1);
            carryVal = Math.Clamp(wantVal - nVal, 0, 1);
            for (var i = 0; i < n; i++)
            {
                var split = i < nTest ? RecordSplit.Test : i < nTest + nVal ? RecordSplit.Val : RecordSplit.Train;
                result.Add((ordered[i].Id, split));
            }
        }

        return result;
    }

    /// <summary>
    /// Splits the real records of <paramref name="workspace"/>, stores the assignment in one transaction, then
    /// re-applies <see cref="SyntheticSplitRule"/>, since synthetic records follow their exemplars' splits.
    /// </summary>
    public static SplitSummary Apply(Workspace workspace, SplitOptions? options = null)
    {
        var store = new RecordStore(workspace);
        var records = store.Read();
        var synthetic = records.Where(r => r.IsSynthetic).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var real = Assign(records, options).Where(a => !synthetic.Contains(a.Id)).ToList();
        store.SetSplits(real);
        var s = SyntheticSplitRule.Apply(workspace);
        return new SplitSummary(
            real.Count(a => a.Split == RecordSplit.Train),
            real.Count(a => a.Split == RecordSplit.Val),
            real.Count(a => a.Split == RecordSplit.Test),
            synthetic.Count - s.Train,
            records.Where(r => !r.IsSynthetic).Select(r => r.SpecialtyKey).Distinct().Count())
        {
            SyntheticTrain = s.Train,
            SyntheticHeldOut = s.HeldOutExemplar,
        };
    }
}
