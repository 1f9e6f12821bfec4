// A named list of records with its matching texts and MinHash signatures computed once per run.
using Shifa.Core.Hashing;
using Shifa.Core.Records;
using Shifa.Curation.Dedup;
using Shifa.Curation.Text;

namespace Shifa.Curation.Pipeline;

/// <summary>Targets, seed or test records of a run, with features computed lazily and shared by the stages.</summary>
public sealed class RecordSet
{
    private readonly Lazy<(string[] Question, string[] Answer)> _normalized;
    private readonly Lazy<string[]> _matchTexts;
    private readonly Lazy<string> _idsHash;
    private readonly Lazy<Dictionary<string, int>> _indexById;
    private readonly Lock _signatureGate = new();
    private uint[]? _signatures;

    /// <summary>Wraps <paramref name="records"/> (their order is the set's canonical order).</summary>
    public RecordSet(string name, IReadOnlyList<QaRecord> records)
    {
        Name = name;
        Records = records;
        _normalized = new(() =>
        {
            var q = new string[records.Count];
            var a = new string[records.Count];
            Parallel.For(0, q.Length, i => (q[i], a[i]) = (MatchingText.Normalize(records[i].Question), MatchingText.Normalize(records[i].Answer)));
            return (q, a);
        });
        _matchTexts = new(() =>
        {
            var (q, a) = _normalized.Value;
            var t = new string[q.Length];
            for (var i = 0; i < t.Length; i++)
            {
                t[i] = MatchingText.Join(q[i], a[i]);
            }

            return t;
        });
        _idsHash = new(() => ContentHash.Of([name, .. records.Select(r => r.Id)]));
        _indexById = new(() =>
        {
            var d = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
            for (var i = 0; i < records.Count; i++)
            {
                d[records[i].Id] = i;
            }

            return d;
        });
    }

    /// <summary>Set name (<c>targets</c>, <c>seed</c>, <c>test</c>).</summary>
    public string Name { get; }

    /// <summary>The records.</summary>
    public IReadOnlyList<QaRecord> Records { get; }

    /// <summary>Number of records.</summary>
    public int Count => Records.Count;

    /// <summary>Hash of the set name and record ids in order (records are immutable by id).</summary>
    public string IdsHash => _idsHash.Value;

    /// <summary>ForMatching form of each question (normalized once per run, shared by every stage).</summary>
    public IReadOnlyList<string> NormalizedQuestions => _normalized.Value.Question;

    /// <summary>ForMatching form of each answer.</summary>
    public IReadOnlyList<string> NormalizedAnswers => _normalized.Value.Answer;

    /// <summary>Normalized question + answer of each record.</summary>
    public IReadOnlyList<string> MatchTexts => _matchTexts.Value;

    /// <summary>Position of a record id in this set.</summary>
    public int IndexOf(string id) => _indexById.Value.TryGetValue(id, out var i) ? i : -1;

    /// <summary>MinHash signatures of the matching texts (rows × permutations), computed once.</summary>
    public uint[] Signatures(MinHasher hasher)
    {
        // Stages ask from inside parallel loops: compute once, and let later callers skip the lock.
        var s = Volatile.Read(ref _signatures);
        if (s is not null)
        {
            return s;
        }

        lock (_signatureGate)
        {
            return _signatures ??= hasher.Signatures(MatchTexts);
        }
    }

    /// <summary>Signature of row <paramref name="i"/>.</summary>
    public ReadOnlySpan<uint> Signature(MinHasher hasher, int i) => Signatures(hasher).AsSpan(i * hasher.Permutations, hasher.Permutations);
}
