// Review rounds over the workspace: stratified sampling, assignment with overlap, the annotator
// queue, reviews with edit history, agreement, adjudication, and the decisions fed to curation.
using System.Globalization;
using Microsoft.Data.Sqlite;
using Shifa.Core.Storage;
using Shifa.Web.Storage;

namespace Shifa.Web.Review;

/// <summary>Persistence and logic of expert review rounds.</summary>
public sealed class ReviewStore
{
    /// <summary>Stage name of the decisions this store writes into the core <c>decisions</c> table.</summary>
    public const string DecisionStage = "review";

    private static readonly string[] Verdicts = ["accept", "reject", "edit"];
    private readonly Workspace _workspace;

    /// <summary>Opens the review store of <paramref name="workspace"/>.</summary>
    public ReviewStore(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _workspace = workspace;
        _workspace.EnsureSchema(WebSchema.Instance);
    }

    /// <summary>
    /// Draws a round: sample size from the margin of error over the eligible records (synthetic
    /// ones when any exist, else all; never the test split), allocated to provider × specialty
    /// strata in proportion, records assigned round-robin and the overlap share given to a second annotator.
    /// </summary>
    public ReviewRoundSummary CreateRound(ReviewRoundRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name);
        if (request.Annotators.Count == 0)
        {
            throw new ArgumentException("A review round needs at least one annotator.", nameof(request));
        }

        if (request.Overlap is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Overlap, "Overlap must be between 0 and 1.");
        }

        using var c = _workspace.OpenConnection();
        var population = Eligible(c);
        var n = SampleSize.ForProportion(population.Count, request.Margin, request.Confidence);
        var rng = new Random(request.Seed);
        var sample = Stratified(population, n, rng);
        using var tx = c.BeginTransaction();
        long roundId;
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO review_rounds(name, margin, confidence, overlap, population, sample_size, seed, created_by, created_at)
                VALUES ($n, $m, $c, $o, $p, $s, $seed, $by, $at) RETURNING id
                """;
            cmd.Parameters.AddWithValue("$n", request.Name);
            cmd.Parameters.AddWithValue("$m", request.Margin);
            cmd.Parameters.AddWithValue("$c", request.Confidence);
            cmd.Parameters.AddWithValue("$o", request.Overlap);
            cmd.Parameters.AddWithValue("$p", population.Count);
            cmd.Parameters.AddWithValue("$s", sample.Count);
            cmd.Parameters.AddWithValue("$seed", request.Seed);
            cmd.Parameters.AddWithValue("$by", request.CreatedBy);
            cmd.Parameters.AddWithValue("$at", Now());
            roundId = (long)cmd.ExecuteScalar()!;
        }

        var annotators = request.Annotators.Distinct(StringComparer.Ordinal).ToArray();
        var overlapCount = annotators.Length < 2 ? 0 : (int)Math.Round(request.Overlap * sample.Count, MidpointRounding.AwayFromZero);
        using (var ins = c.CreateCommand())
        {
            ins.Transaction = tx;
            ins.CommandText = "INSERT INTO round_items(round_id, record_id, annotator, position, stratum) VALUES ($r, $id, $a, $pos, $st)";
            var pr = ins.Parameters.Add("$r", SqliteType.Integer);
            var pid = ins.Parameters.Add("$id", SqliteType.Text);
            var pa = ins.Parameters.Add("$a", SqliteType.Text);
            var ppos = ins.Parameters.Add("$pos", SqliteType.Integer);
            var pst = ins.Parameters.Add("$st", SqliteType.Text);
            pr.Value = roundId;
            for (var i = 0; i < sample.Count; i++)
            {
                var owners = i < overlapCount ? new[] { annotators[i % annotators.Length], annotators[(i + 1) % annotators.Length] } : [annotators[i % annotators.Length]];
                foreach (var a in owners)
                {
                    pid.Value = sample[i].Id;
                    pa.Value = a;
                    ppos.Value = i;
                    pst.Value = sample[i].Stratum;
                    ins.ExecuteNonQuery();
                }
            }
        }

        tx.Commit();
        return Rounds().Single(r => r.Id == roundId);
    }

    /// <summary>All rounds with their progress, newest first.</summary>
    public IReadOnlyList<ReviewRoundSummary> Rounds(string? annotator = null)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT r.id, r.name, r.population, r.sample_size, r.overlap,
                   (SELECT COUNT(*) FROM round_items i WHERE i.round_id = r.id AND ($a IS NULL OR i.annotator = $a)),
                   (SELECT COUNT(*) FROM reviews v WHERE v.round_id = r.id AND ($a IS NULL OR v.annotator = $a))
            FROM review_rounds r
            WHERE $a IS NULL OR EXISTS (SELECT 1 FROM round_items i WHERE i.round_id = r.id AND i.annotator = $a)
            ORDER BY r.id DESC
            """;
        cmd.Parameters.AddWithValue("$a", (object?)annotator ?? DBNull.Value);
        using var rd = cmd.ExecuteReader();
        var list = new List<ReviewRoundSummary>();
        while (rd.Read())
        {
            list.Add(new ReviewRoundSummary(rd.GetInt32(0), rd.GetString(1), rd.GetInt32(2), rd.GetInt32(3), rd.GetDouble(4), rd.GetInt32(5), rd.GetInt32(6)));
        }

        return list;
    }

    /// <summary>The annotator's next unreviewed record in the round, or null when the queue is empty.</summary>
    public ReviewItem? Next(int roundId, string annotator)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT i.record_id, r.question, r.answer, r.specialty,
                   (SELECT COUNT(*) FROM reviews v WHERE v.round_id = $r AND v.annotator = $a),
                   (SELECT COUNT(*) FROM round_items x WHERE x.round_id = $r AND x.annotator = $a)
            FROM round_items i JOIN records r ON r.id = i.record_id
            WHERE i.round_id = $r AND i.annotator = $a
              AND NOT EXISTS (SELECT 1 FROM reviews v WHERE v.round_id = i.round_id AND v.record_id = i.record_id AND v.annotator = i.annotator)
            ORDER BY i.position LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$r", roundId);
        cmd.Parameters.AddWithValue("$a", annotator);
        using var rd = cmd.ExecuteReader();
        return rd.Read()
            ? new ReviewItem(roundId, rd.GetString(0), rd.GetString(1), rd.GetString(2), rd.IsDBNull(3) ? null : rd.GetString(3), rd.GetInt32(4), rd.GetInt32(5))
            : null;
    }

    /// <summary>
    /// Records an annotator's verdict. Only assigned records may be reviewed; an edit stores the new
    /// answer and appends to the edit history; the round decision for the record is refreshed.
    /// </summary>
    public void Submit(int roundId, string recordId, string annotator, string verdict, string? reason, string? editedAnswer, bool danger)
    {
        if (!Verdicts.Contains(verdict))
        {
            throw new ArgumentException($"Verdict '{verdict}' is not one of accept, reject, edit.", nameof(verdict));
        }

        if (verdict == "reject" && !ReviewReasons.IsKnown(reason))
        {
            throw new ArgumentException($"A rejection needs a reason from the list ({string.Join(", ", ReviewReasons.All.Select(r => r.Key))}).", nameof(reason));
        }

        if (verdict == "edit" && string.IsNullOrWhiteSpace(editedAnswer))
        {
            throw new ArgumentException("An edit needs the corrected answer.", nameof(editedAnswer));
        }

        using var c = _workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        if (Scalar(c, tx, "SELECT COUNT(*) FROM round_items WHERE round_id = $r AND record_id = $id AND annotator = $a", roundId, recordId, annotator) == 0)
        {
            throw new InvalidOperationException($"Record '{recordId}' is not assigned to '{annotator}' in round {roundId}.");
        }

        if (verdict == "edit")
        {
            using var prev = c.CreateCommand();
            prev.Transaction = tx;
            prev.CommandText = """
                SELECT COALESCE((SELECT new_answer FROM review_edits WHERE record_id = $id ORDER BY id DESC LIMIT 1), (SELECT answer FROM records WHERE id = $id))
                """;
            prev.Parameters.AddWithValue("$id", recordId);
            var previous = (string)prev.ExecuteScalar()!;
            Execute(c, tx, "INSERT INTO review_edits(round_id, record_id, annotator, previous_answer, new_answer, edited_at) VALUES ($r, $id, $a, $p, $n, $t)",
                ("$r", roundId), ("$id", recordId), ("$a", annotator), ("$p", previous), ("$n", editedAnswer!), ("$t", Now()));
        }

        Execute(c, tx, """
            INSERT INTO reviews(round_id, record_id, annotator, verdict, reason, edited_answer, danger, decided_at) VALUES ($r, $id, $a, $v, $re, $e, $d, $t)
            ON CONFLICT(round_id, record_id, annotator) DO UPDATE SET verdict = $v, reason = $re, edited_answer = $e, danger = $d, decided_at = $t
            """,
            ("$r", roundId), ("$id", recordId), ("$a", annotator), ("$v", verdict), ("$re", (object?)reason ?? DBNull.Value),
            ("$e", verdict == "edit" ? editedAnswer! : DBNull.Value), ("$d", danger ? 1 : 0), ("$t", Now()));
        SyncDecision(c, tx, roundId, recordId);
        tx.Commit();
    }

    /// <summary>Settles a disagreement; the adjudicated verdict becomes the round decision.</summary>
    public void Adjudicate(int roundId, string recordId, string adjudicator, string verdict, string? note)
    {
        if (!Verdicts.Contains(verdict))
        {
            throw new ArgumentException($"Verdict '{verdict}' is not one of accept, reject, edit.", nameof(verdict));
        }

        using var c = _workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        Execute(c, tx, """
            INSERT INTO adjudications(round_id, record_id, adjudicator, verdict, note, decided_at) VALUES ($r, $id, $a, $v, $n, $t)
            ON CONFLICT(round_id, record_id) DO UPDATE SET adjudicator = $a, verdict = $v, note = $n, decided_at = $t
            """,
            ("$r", roundId), ("$id", recordId), ("$a", adjudicator), ("$v", verdict), ("$n", (object?)note ?? DBNull.Value), ("$t", Now()));
        SyncDecision(c, tx, roundId, recordId);
        tx.Commit();
    }

    /// <summary>Agreement statistics and open disagreements of a round.</summary>
    public RoundAgreement Agreement(int roundId)
    {
        var byRecord = ReviewsByRecord(roundId);
        var multi = byRecord.Where(kv => kv.Value.Count >= 2).ToList();
        var pairs = multi.Where(kv => kv.Value.Count == 2).Select(kv => (kv.Value[0].Verdict, kv.Value[1].Verdict)).ToList();
        var cohen = Review.Agreement.CohenKappa(pairs);
        var fleiss = double.NaN;
        if (multi.Count > 0)
        {
            var m = multi.GroupBy(kv => kv.Value.Count).OrderByDescending(g => g.Count()).First().Key;
            if (m >= 3)
            {
                fleiss = Review.Agreement.FleissKappa(multi.Where(kv => kv.Value.Count == m).Select(kv => (IReadOnlyList<string>)kv.Value.Select(v => v.Verdict).ToList()).ToList());
            }
        }

        var adjudicated = Adjudicated(roundId);
        var open = multi.Where(kv => kv.Value.Select(v => v.Verdict).Distinct().Count() > 1 && !adjudicated.Contains(kv.Key)).Select(kv => kv.Key).ToList();
        return new RoundAgreement(multi.Count, cohen, fleiss, open);
    }

    /// <summary>The reviews of one record in a round (annotator, verdict, reason, edited answer).</summary>
    public IReadOnlyList<(string Annotator, string Verdict, string? Reason, string? Edited)> ReviewsOf(int roundId, string recordId) =>
        ReviewsByRecord(roundId).TryGetValue(recordId, out var list) ? list : [];

    /// <summary>Estimated acceptance rate per provider from the review decisions, with 95% Wilson intervals.</summary>
    public IReadOnlyList<ProviderAcceptance> AcceptanceByProvider()
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT COALESCE(r.provider, r.source), SUM(d.keep), COUNT(*)
            FROM decisions d JOIN records r ON r.id = d.record_id
            WHERE d.stage = $s GROUP BY 1 ORDER BY 1
            """;
        cmd.Parameters.AddWithValue("$s", DecisionStage);
        using var rd = cmd.ExecuteReader();
        var list = new List<ProviderAcceptance>();
        while (rd.Read())
        {
            list.Add(new ProviderAcceptance(rd.GetString(0), ProportionInterval.Wilson(rd.GetInt32(1), rd.GetInt32(2))));
        }

        return list;
    }

    private Dictionary<string, List<(string Annotator, string Verdict, string? Reason, string? Edited)>> ReviewsByRecord(int roundId)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT record_id, annotator, verdict, reason, edited_answer FROM reviews WHERE round_id = $r ORDER BY record_id, annotator";
        cmd.Parameters.AddWithValue("$r", roundId);
        using var rd = cmd.ExecuteReader();
        var map = new Dictionary<string, List<(string, string, string?, string?)>>(StringComparer.Ordinal);
        while (rd.Read())
        {
            var id = rd.GetString(0);
            if (!map.TryGetValue(id, out var list))
            {
                map[id] = list = [];
            }

            list.Add((rd.GetString(1), rd.GetString(2), rd.IsDBNull(3) ? null : rd.GetString(3), rd.IsDBNull(4) ? null : rd.GetString(4)));
        }

        return map;
    }

    private HashSet<string> Adjudicated(int roundId)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT record_id FROM adjudications WHERE round_id = $r";
        cmd.Parameters.AddWithValue("$r", roundId);
        using var rd = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (rd.Read())
        {
            set.Add(rd.GetString(0));
        }

        return set;
    }

    // The round decision: the adjudication when there is one, else the reviewers' verdict when they
    // all agree; a disagreement leaves no decision until it is adjudicated.
    private static void SyncDecision(SqliteConnection c, SqliteTransaction tx, int roundId, string recordId)
    {
        string? verdict;
        string reason;
        using (var adj = c.CreateCommand())
        {
            adj.Transaction = tx;
            adj.CommandText = "SELECT verdict FROM adjudications WHERE round_id = $r AND record_id = $id";
            adj.Parameters.AddWithValue("$r", roundId);
            adj.Parameters.AddWithValue("$id", recordId);
            verdict = adj.ExecuteScalar() as string;
            reason = "adjudicated:" + verdict;
        }

        if (verdict is null)
        {
            using var rv = c.CreateCommand();
            rv.Transaction = tx;
            rv.CommandText = "SELECT verdict, COALESCE(reason, '') FROM reviews WHERE round_id = $r AND record_id = $id";
            rv.Parameters.AddWithValue("$r", roundId);
            rv.Parameters.AddWithValue("$id", recordId);
            using var rd = rv.ExecuteReader();
            var all = new List<(string V, string R)>();
            while (rd.Read())
            {
                all.Add((rd.GetString(0), rd.GetString(1)));
            }

            if (all.Select(a => a.V).Distinct().Count() == 1)
            {
                verdict = all[0].V;
                reason = verdict == "reject" ? "reject:" + string.Join('|', all.Select(a => a.R).Distinct()) : verdict;
            }
        }

        Execute(c, tx, "DELETE FROM decisions WHERE record_id = $id AND stage = $s", ("$id", recordId), ("$s", DecisionStage));
        if (verdict is not null)
        {
            Execute(c, tx, "INSERT INTO decisions(record_id, stage, keep, reason, score, config_hash, decided_at) VALUES ($id, $s, $k, $re, NULL, $h, $t)",
                ("$id", recordId), ("$s", DecisionStage), ("$k", verdict == "reject" ? 0 : 1), ("$re", reason), ("$h", "round-" + roundId.ToString(CultureInfo.InvariantCulture)), ("$t", Now()));
        }
    }

    private static List<(string Id, string Stratum)> Eligible(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT id, COALESCE(provider, source) || ' / ' || COALESCE(specialty_key, specialty, '-') FROM records
            WHERE split <> 3 AND (kind <> 0 OR NOT EXISTS (SELECT 1 FROM records WHERE kind <> 0))
            ORDER BY id
            """;
        using var rd = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (rd.Read())
        {
            list.Add((rd.GetString(0), rd.GetString(1)));
        }

        return list;
    }

    // Proportional allocation by largest remainder, then a seeded shuffle inside each stratum and
    // of the final order (so overlap items are spread over strata).
    private static List<(string Id, string Stratum)> Stratified(List<(string Id, string Stratum)> population, int n, Random rng)
    {
        var strata = population.GroupBy(p => p.Stratum).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var quotas = strata.Select(s => n * (double)s.Count / population.Count).ToArray();
        var take = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        foreach (var i in Enumerable.Range(0, strata.Count).OrderByDescending(i => quotas[i] - take[i]).ThenBy(i => i).Take(n - take.Sum()))
        {
            take[i]++;
        }

        var sample = new List<(string, string)>();
        for (var s = 0; s < strata.Count; s++)
        {
            var items = strata[s].ToArray();
            rng.Shuffle(items);
            sample.AddRange(items.Take(take[s]));
        }

        var arr = sample.ToArray();
        rng.Shuffle(arr);
        return [.. arr];
    }

    private static long Scalar(SqliteConnection c, SqliteTransaction tx, string sql, int roundId, string recordId, string annotator)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$r", roundId);
        cmd.Parameters.AddWithValue("$id", recordId);
        cmd.Parameters.AddWithValue("$a", annotator);
        return (long)cmd.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection c, SqliteTransaction tx, string sql, params (string Name, object Value)[] ps)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in ps)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
