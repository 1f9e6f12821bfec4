// Stage "degenerate": generation loops, repeated characters and glued junk tokens.
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>
/// Drops text that loops: a character repeated more than <see cref="CurationOptions.MaxCharRun"/>
/// times ("ههههههههه", "!!!!!!!!!"), a "word" longer than 40 characters, or an answer of 12+ words
/// whose distinct word-trigram share falls below <see cref="CurationOptions.MinDistinctTrigramShare"/>.
/// </summary>
public sealed class DegenerateTextFilter(CurationOptions options) : RecordRule
{
    private const int MaxWordLength = 40;

    /// <inheritdoc />
    public override StageIdentity Identity { get; } = StageIdentity.Of("degenerate", FilterScope.PerRecord, "v1",
        new { options.MaxCharRun, options.MinDistinctTrigramShare, MaxWordLength });

    /// <inheritdoc />
    public override FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer)
    {
        var run = Math.Max(LongestCharRun(record.Question), LongestCharRun(record.Answer));
        if (run > options.MaxCharRun)
        {
            return FilterDecision.Drop(record.Id, "repeated-characters", run);
        }

        var words = Words(normalizedAnswer);
        var questionWords = Words(normalizedQuestion);
        var longest = words.Concat(questionWords).Select(w => w.Length).DefaultIfEmpty(0).Max();
        if (longest > MaxWordLength)
        {
            return FilterDecision.Drop(record.Id, "overlong-token", longest);
        }

        var share = Math.Min(DistinctTrigramShare(words), DistinctTrigramShare(questionWords));
        return share < options.MinDistinctTrigramShare
            ? FilterDecision.Drop(record.Id, "repetitive-ngrams", share)
            : FilterDecision.Ok(record.Id, share);
    }

    /// <summary>Distinct trigrams / all trigrams; 1 for texts under 12 words (too short to judge).</summary>
    public static double DistinctTrigramShare(IReadOnlyList<string> words)
    {
        if (words.Count < 12)
        {
            return 1;
        }

        var seen = new HashSet<(string, string, string)>();
        for (var i = 0; i + 2 < words.Count; i++)
        {
            seen.Add((words[i], words[i + 1], words[i + 2]));
        }

        return (double)seen.Count / (words.Count - 2);
    }

    private static List<string> Words(string normalized)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var inWord = i < normalized.Length && char.IsLetterOrDigit(normalized[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(normalized[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private static int LongestCharRun(string text)
    {
        int best = 0, run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                run = 0;
                continue;
            }

            run = i > 0 && text[i] == text[i - 1] ? run + 1 : 1;
            best = Math.Max(best, run);
        }

        return best;
    }
}
