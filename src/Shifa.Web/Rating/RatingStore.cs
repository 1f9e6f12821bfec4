// Expert ratings of model answers: blind side-by-side preferences and single-answer Likert scales,
// exported as JSONL for the evaluation's aggregation.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Shifa.Core.Storage;
using Shifa.Web.Storage;

namespace Shifa.Web.Rating;

/// <summary>Persistence of rating items and ratings.</summary>
public sealed class RatingStore
{
    private readonly Workspace _workspace;

    /// <summary>Opens the rating store of <paramref name="workspace"/>.</summary>
    public RatingStore(Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        _workspace = workspace;
        _workspace.EnsureSchema(WebSchema.Instance);
    }

    /// <summary>Adds items (existing ids are left unchanged); returns how many were new.</summary>
    public int Add(IEnumerable<RatingItem> items)
    {
        using var c = _workspace.OpenConnection();
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR IGNORE INTO rating_items(id, question, system_a, answer_a, system_b, answer_b, created_at) VALUES ($id, $q, $sa, $aa, $sb, $ab, $t)";
        var n = 0;
        foreach (var i in items)
        {
            if ((i.SystemB is null) != (i.AnswerB is null) || i.SystemB == i.SystemA)
            {
                throw new ArgumentException($"Rating item '{i.Id}': a second answer needs its own system name, different from '{i.SystemA}'.", nameof(items));
            }

            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$id", i.Id);
            cmd.Parameters.AddWithValue("$q", i.Question);
            cmd.Parameters.AddWithValue("$sa", i.SystemA);
            cmd.Parameters.AddWithValue("$aa", i.AnswerA);
            cmd.Parameters.AddWithValue("$sb", (object?)i.SystemB ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$ab", (object?)i.AnswerB ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            n += cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return n;
    }

    /// <summary>The next item <paramref name="rater"/> has not rated, or null.</summary>
    public RatingItem? Next(string rater)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT id, question, system_a, answer_a, system_b, answer_b FROM rating_items i
            WHERE NOT EXISTS (SELECT 1 FROM ratings r WHERE r.item_id = i.id AND r.rater = $r) ORDER BY i.rowid LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$r", rater);
        using var rd = cmd.ExecuteReader();
        return rd.Read() ? new RatingItem(rd.GetString(0), rd.GetString(1), rd.GetString(2), rd.GetString(3), rd.IsDBNull(4) ? null : rd.GetString(4), rd.IsDBNull(5) ? null : rd.GetString(5)) : null;
    }

    /// <summary>Gets one item by id.</summary>
    public RatingItem? Get(string id)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, question, system_a, answer_a, system_b, answer_b FROM rating_items WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var rd = cmd.ExecuteReader();
        return rd.Read() ? new RatingItem(rd.GetString(0), rd.GetString(1), rd.GetString(2), rd.GetString(3), rd.IsDBNull(4) ? null : rd.GetString(4), rd.IsDBNull(5) ? null : rd.GetString(5)) : null;
    }

    /// <summary>
    /// Which system a rater sees on the right (the first side in RTL): fixed per (item, rater) so a
    /// reload shows the same order, and balanced across raters by hashing.
    /// </summary>
    public static string ShownFirst(RatingItem item, string rater)
    {
        ArgumentNullException.ThrowIfNull(item);
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(item.Id + "\n" + rater));
        return (h[0] & 1) == 0 || !item.IsPairwise ? item.SystemA : item.SystemB!;
    }

    /// <summary>Records a side-by-side preference: <paramref name="choice"/> is <c>first</c>, <c>second</c> or <c>tie</c> as displayed.</summary>
    public void RatePairwise(string itemId, string rater, string choice)
    {
        var item = Get(itemId) ?? throw new ArgumentException($"No rating item '{itemId}'.", nameof(itemId));
        if (!item.IsPairwise)
        {
            throw new ArgumentException($"Rating item '{itemId}' has a single answer; rate it on the Likert scales.", nameof(itemId));
        }

        var first = ShownFirst(item, rater);
        var second = first == item.SystemA ? item.SystemB! : item.SystemA;
        var preferred = choice switch
        {
            "first" => first,
            "second" => second,
            "tie" => "tie",
            _ => throw new ArgumentException($"Choice '{choice}' is not one of first, second, tie.", nameof(choice)),
        };
        Save(itemId, rater, "pairwise", first, preferred, null);
    }

    /// <summary>Records Likert scores for a single-answer item.</summary>
    public void RateLikert(string itemId, string rater, LikertScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var item = Get(itemId) ?? throw new ArgumentException($"No rating item '{itemId}'.", nameof(itemId));
        foreach (var (name, v) in new[] { ("accuracy", scores.Accuracy), ("relevance", scores.Relevance), ("safety", scores.Safety), ("fluency", scores.Fluency) })
        {
            if (v is < 1 or > 5)
            {
                throw new ArgumentException($"Score '{name}' must be 1–5, got {v}.", nameof(scores));
            }
        }

        if (scores.Hallucination && (string.IsNullOrWhiteSpace(scores.HallucinationSpan) || !item.AnswerA.Contains(scores.HallucinationSpan.Trim(), StringComparison.Ordinal)))
        {
            throw new ArgumentException("A hallucination needs the offending passage copied exactly from the answer.", nameof(scores));
        }

        Save(itemId, rater, "likert", null, null, scores);
    }

    /// <summary>Writes every rating as one JSON object per line, with system names revealed.</summary>
    public int Export(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT r.item_id, r.rater, r.kind, i.system_a, i.system_b, r.shown_left, r.preferred, r.accuracy, r.relevance, r.safety, r.fluency,
                   r.hallucination, r.hallucination_span, r.rated_at
            FROM ratings r JOIN rating_items i ON i.id = r.item_id ORDER BY r.item_id, r.rater, r.kind
            """;
        using var rd = cmd.ExecuteReader();
        var n = 0;
        while (rd.Read())
        {
            string? S(int k) => rd.IsDBNull(k) ? null : rd.GetString(k);
            int? I(int k) => rd.IsDBNull(k) ? null : rd.GetInt32(k);
            var row = new Dictionary<string, object?>
            {
                ["item_id"] = rd.GetString(0), ["rater"] = rd.GetString(1), ["kind"] = rd.GetString(2), ["system_a"] = S(3), ["system_b"] = S(4),
                ["shown_first"] = S(5), ["preferred"] = S(6), ["accuracy"] = I(7), ["relevance"] = I(8), ["safety"] = I(9), ["fluency"] = I(10),
                ["hallucination"] = I(11) is { } h ? h == 1 : null, ["hallucination_span"] = S(12), ["rated_at"] = rd.GetString(13),
            };
            writer.WriteLine(JsonSerializer.Serialize(row));
            n++;
        }

        return n;
    }

    private void Save(string itemId, string rater, string kind, string? shownFirst, string? preferred, LikertScores? s)
    {
        using var c = _workspace.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO ratings(item_id, rater, kind, shown_left, preferred, accuracy, relevance, safety, fluency, hallucination, hallucination_span, rated_at)
            VALUES ($i, $r, $k, $sl, $p, $a, $re, $s, $f, $h, $hs, $t)
            ON CONFLICT(item_id, rater, kind) DO UPDATE SET shown_left = $sl, preferred = $p, accuracy = $a, relevance = $re, safety = $s, fluency = $f,
                hallucination = $h, hallucination_span = $hs, rated_at = $t
            """;
        cmd.Parameters.AddWithValue("$i", itemId);
        cmd.Parameters.AddWithValue("$r", rater);
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$sl", (object?)shownFirst ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$p", (object?)preferred ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$a", (object?)s?.Accuracy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$re", (object?)s?.Relevance ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$s", (object?)s?.Safety ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$f", (object?)s?.Fluency ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$h", s is null ? DBNull.Value : s.Hallucination ? 1 : 0);
        cmd.Parameters.AddWithValue("$hs", (object?)(s?.Hallucination == true ? s.HallucinationSpan!.Trim() : null) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }
}
