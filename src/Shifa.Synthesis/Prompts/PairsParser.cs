// Parses and validates generator output against the pairs schema; every failure names the pair and field.
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shifa.Synthesis.Pipeline;

namespace Shifa.Synthesis.Prompts;

/// <summary>
/// Reads <c>{"pairs":[{"question":…,"answer":…,"urgent":…}]}</c>. Applied to every response, also
/// where the provider enforced the schema, because enforcement is best-effort on compatible servers.
/// </summary>
public static partial class PairsParser
{
    /// <summary>Minimum share of Arabic letters in a question or answer.</summary>
    public const double MinArabicShare = 0.6;

    /// <summary>Parses <paramref name="text"/> expecting <paramref name="expectedPairs"/> pairs that do not copy any exemplar question.</summary>
    public static ParseResult Parse(string? text, int expectedPairs, IReadOnlyCollection<string> exemplarQuestions, bool finishedByLength = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseResult.Fail(finishedByLength ? ErrorKinds.Truncated : ErrorKinds.MalformedJson, "The response has no text.");
        }

        var json = StripFence(text);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            if (!finishedByLength && FirstValueIsComplete(json))
            {
                // The reader's message for trailing text also says "end of data", but nothing was cut.
                return ParseResult.Fail(ErrorKinds.MalformedJson,
                    $"Text follows the JSON value at line {e.LineNumber + 1}, byte {e.BytePositionInLine}: the response must be the JSON object alone.");
            }

            var cut = finishedByLength || e.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || LooksCut(json);
            return ParseResult.Fail(cut ? ErrorKinds.Truncated : ErrorKinds.MalformedJson, $"Not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine}: {e.Message}");
        }

        using (doc)
        {
            if (finishedByLength)
            {
                return ParseResult.Fail(ErrorKinds.Truncated, "The provider stopped at the output token limit (finish reason: length).");
            }

            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("pairs", out var pairs) || pairs.ValueKind != JsonValueKind.Array)
            {
                return ParseResult.Fail(ErrorKinds.WrongSchema, "Expected an object with a 'pairs' array.");
            }

            var list = new List<GeneratedPair>();
            var index = 0;
            foreach (var p in pairs.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object)
                {
                    return ParseResult.Fail(ErrorKinds.WrongSchema, $"pairs[{index}] is not an object.");
                }

                if (!TryString(p, "question", out var q) || !TryString(p, "answer", out var a))
                {
                    return ParseResult.Fail(ErrorKinds.WrongSchema, $"pairs[{index}]: field '{(TryString(p, "question", out _) ? "answer" : "question")}' is missing, empty or not a string.");
                }

                var urgent = p.TryGetProperty("urgent", out var u) && u.ValueKind == JsonValueKind.True;
                list.Add(new GeneratedPair(q.Trim(), a.Trim(), urgent));
                index++;
            }

            if (list.Count != expectedPairs)
            {
                return ParseResult.Fail(ErrorKinds.WrongSchema, $"Expected {expectedPairs} pairs, got {list.Count}.");
            }

            return Validate(list, exemplarQuestions);
        }
    }

    private static ParseResult Validate(List<GeneratedPair> pairs, IReadOnlyCollection<string> exemplarQuestions)
    {
        var copies = new HashSet<string>(exemplarQuestions.Select(Squash), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (q, a) = (pairs[i].Question, pairs[i].Answer);
            if (ArabicLetters.Ratio(q) < MinArabicShare)
            {
                return ParseResult.Fail(ErrorKinds.Invalid, $"pairs[{i}].question is not Arabic enough (share of Arabic letters {ArabicLetters.Ratio(q):0.00} < {MinArabicShare}).");
            }

            if (ArabicLetters.Ratio(a) < MinArabicShare)
            {
                return ParseResult.Fail(ErrorKinds.Invalid, $"pairs[{i}].answer is not Arabic enough (share of Arabic letters {ArabicLetters.Ratio(a):0.00} < {MinArabicShare}).");
            }

            var key = Squash(q);
            if (copies.Contains(key))
            {
                return ParseResult.Fail(ErrorKinds.Invalid, $"pairs[{i}].question copies an exemplar question.");
            }

            if (!seen.Add(key))
            {
                return ParseResult.Fail(ErrorKinds.Invalid, $"pairs[{i}].question repeats an earlier question of the same response.");
            }
        }

        return new ParseResult(pairs, null, null);
    }

    private static bool TryString(JsonElement e, string name, out string value)
    {
        value = e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        return !string.IsNullOrWhiteSpace(value);
    }

    private static string StripFence(string text)
    {
        var m = Fence().Match(text);
        return m.Success ? m.Groups[1].Value : text.Trim();
    }

    // Whether the text starts with one whole, well-formed JSON value (whatever follows it).
    private static bool FirstValueIsComplete(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            return reader.Read() && reader.TrySkip();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Unbalanced braces or brackets outside strings mean the text was cut rather than mistyped.
    private static bool LooksCut(string json)
    {
        int depth = 0;
        bool inString = false, escaped = false;
        foreach (var ch in json)
        {
            if (inString)
            {
                if (escaped) { escaped = false; }
                else if (ch == '\\') { escaped = true; }
                else if (ch == '"') { inString = false; }
                continue;
            }

            if (ch == '"') { inString = true; }
            else if (ch is '{' or '[') { depth++; }
            else if (ch is '}' or ']') { depth--; }
        }

        return inString || depth > 0;
    }

    private static string Squash(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"^\s*```(?:json)?\s*(.*?)\s*```\s*$", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
