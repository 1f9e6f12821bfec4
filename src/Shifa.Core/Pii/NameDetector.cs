// Finds doctor titles with the names that follow them, and self-disclosed patient names, as offset spans.
using Shifa.Core.Arabic;

namespace Shifa.Core.Pii;

/// <summary>
/// Token-level name detection over <see cref="ArabicWordTokenizer"/> offsets. A name after a
/// title is accepted when the title is abbreviated (<c>د.</c>, <c>Dr</c>), when the first word is a
/// known given name, or when the title opens a signature line whose rest is only name-like words;
/// a bare vocative (<c>دكتور انا حامل</c>, <c>الدكتور قالي</c>) is left alone.
/// </summary>
internal static class NameDetector
{
    private const int MaxNameWords = 7;
    private static readonly HashSet<string> Linkers = new(["عبد", "ابو", "بن", "ابن", "بنت", "ام", "abu", "bin"], StringComparer.Ordinal);

    public static IEnumerable<(int Start, int Length, PiiKind Kind)> Find(string text)
    {
        var tokens = ArabicWordTokenizer.TokenizeWithKinds(text);
        var norm = tokens.Select(t => t.IsWordLike ? NameLexicon.Key(t.TextOf(text)) : t.TextOf(text)).ToArray();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWordLike)
            {
                continue;
            }

            var found = norm[i] is "اسمي" ? SelfDisclosed(text, tokens, norm, i + 1)
                : norm[i] == "name" && i > 0 && norm[i - 1] == "my" ? SelfDisclosed(text, tokens, norm, i + 1)
                : Doctor(text, tokens, norm, i);
            if (found is { } f)
            {
                yield return (f.Start, f.Length, f.Kind);
                i = f.Next - 1;
            }
        }
    }

    private static (int Start, int Length, PiiKind Kind, int Next)? Doctor(string text, IReadOnlyList<WordToken> tokens, string[] norm, int i)
    {
        var abbreviated = false;
        var j = i + 1;
        if (norm[i] is "د" or "dr" or "prof")
        {
            // "فيتامين د." is vitamin D, not a doctor.
            if (i > 0 && norm[i - 1] is "فيتامين" or "فتامين" or "vitamin")
            {
                return null;
            }

            if (j < tokens.Count && tokens[j].Kind == WordTokenKind.Punctuation && norm[j] is "." or "/" && Inline(text, tokens[i], tokens[j]))
            {
                abbreviated = true;
                j++;
            }
            else if (norm[i] is "dr" or "prof")
            {
                abbreviated = true;
            }
            else if (!(j < tokens.Count && NameLexicon.GivenNames.Contains(norm[j])))
            {
                return null;
            }
            else
            {
                abbreviated = true;
            }
        }
        else if (!NameLexicon.DefiniteTitles.Contains(norm[i]) && !NameLexicon.BareTitles.Contains(norm[i]))
        {
            return null;
        }

        while (j < tokens.Count && tokens[j].IsWordLike && NameLexicon.Qualifiers.Contains(norm[j]) && Inline(text, tokens[j - 1], tokens[j]))
        {
            j++;
        }

        if (j >= tokens.Count || !(IsNameWord(tokens[j], norm[j]) || IsAmbiguous(norm[j])) || !Inline(text, tokens[j - 1], tokens[j]))
        {
            return null;
        }

        // A signature line takes its whole rest as the name; otherwise the name needs an
        // abbreviated title or a known first name, and grows word by word.
        var end = SignatureLineEnd(text, tokens, norm, i, j) ?? -1;
        var firstIsName = IsNameWord(tokens[j], norm[j]) ? abbreviated || NameLexicon.GivenNames.Contains(norm[j]) : AmbiguousNameFits(text, tokens, norm, j);
        if (firstIsName)
        {
            end = Math.Max(end, Continue(text, tokens, norm, j, lenient: abbreviated));
        }

        if (end < 0)
        {
            return null;
        }

        var start = tokens[i].Start;
        return (start, tokens[end].Start + tokens[end].Length - start, PiiKind.Doctor, end + 1);
    }

    private static (int Start, int Length, PiiKind Kind, int Next)? SelfDisclosed(string text, IReadOnlyList<WordToken> tokens, string[] norm, int j)
    {
        if (j < tokens.Count && norm[j] is "is" or ":" or "هو" or "هي")
        {
            j++;
        }

        if (j >= tokens.Count || !IsNameWord(tokens[j], norm[j]))
        {
            return null;
        }

        // A self-disclosed name is short: up to three words, each after the first recognisably part of a name.
        var end = j;
        while (end + 1 < tokens.Count && end - j < 2 && IsNameWord(tokens[end + 1], norm[end + 1]) && Inline(text, tokens[end], tokens[end + 1])
               && LooksLikeNamePart(text, tokens[end + 1], norm[end], norm[end + 1]))
        {
            end++;
        }

        return (tokens[j].Start, tokens[end].Start + tokens[end].Length - tokens[j].Start, PiiKind.Name, end + 1);
    }

    // A capitalised Latin word, a known given name, an article-prefixed family name, or a word joined by a linker (عبد، ابو).
    private static bool LooksLikeNamePart(string text, WordToken token, string previous, string normalized) =>
        token.Kind == WordTokenKind.OtherWord
            ? char.IsUpper(text[token.Start])
            : NameLexicon.GivenNames.Contains(normalized) || normalized.StartsWith("ال", StringComparison.Ordinal) || Linkers.Contains(previous) || Linkers.Contains(normalized);

    // Extends a name from its first word: leniently after an abbreviated title (any non-stopword),
    // strictly otherwise (given names, article-prefixed family names, linkers such as عبد/ابو).
    private static int Continue(string text, IReadOnlyList<WordToken> tokens, string[] norm, int first, bool lenient)
    {
        var end = first;
        while (end + 1 < tokens.Count && end + 1 - first < MaxNameWords && Inline(text, tokens[end], tokens[end + 1]))
        {
            if (!IsNameWord(tokens[end + 1], norm[end + 1]) && !(Linkers.Contains(norm[end]) && tokens[end + 1].Kind is WordTokenKind.ArabicWord or WordTokenKind.OtherWord))
            {
                if (!AmbiguousNameFits(text, tokens, norm, end + 1))
                {
                    break;
                }

                end++;
                continue;
            }

            var next = norm[end + 1];
            var known = NameLexicon.GivenNames.Contains(next) || Linkers.Contains(norm[end]) || Linkers.Contains(next);
            var accept = tokens[end + 1].Kind == WordTokenKind.OtherWord
                ? char.IsUpper(text[tokens[end + 1].Start])
                : lenient
                    ? known || !next.StartsWith('و')
                    : known || next.StartsWith("ال", StringComparison.Ordinal) || EndsAtBoundary(text, tokens, norm, end + 1);
            if (!accept)
            {
                break;
            }

            end++;
        }

        return end;
    }

    // Names that fold to a function word: "علي" (Ali) / "على" (on), "آية" (Aya) / "ايه" (what).
    private static bool IsAmbiguous(string normalized) => normalized is "علي" or "ايه";

    // "علي" (Ali) and "على" (on) fold to the same key, and Egyptian spelling writes the name with ى:
    // take it as a name only when a given name or the end of the line follows.
    private static bool AmbiguousNameFits(string text, IReadOnlyList<WordToken> tokens, string[] norm, int k) =>
        IsAmbiguous(norm[k])
        && (k + 1 >= tokens.Count || !Inline(text, tokens[k], tokens[k + 1]) || IsSeparator(tokens[k + 1], norm[k + 1])
            || NameLexicon.GivenNames.Contains(norm[k + 1]));

    // Punctuation that can close a name. Brackets are excluded: they open a placeholder such as
    // [URL], and a name must not be recognised differently once earlier detectors have run.
    private static bool IsSeparator(WordToken t, string normalized) =>
        t.Kind == WordTokenKind.Punctuation && normalized is "-" or "\u2013" or "|" or "," or "\u060C" or "(" or ")" or "." or "\u061B" or ";" or "/" or ":" or "!" or "?" or "\u061F" or "\"";

    // True when the words from `from` run, all name-like and at most two more, into punctuation, a
    // line break or the end of the text: a short tail such as a family name closing a signature.
    private static bool EndsAtBoundary(string text, IReadOnlyList<WordToken> tokens, string[] norm, int from)
    {
        for (var k = from; k < from + 3; k++)
        {
            if (k + 1 >= tokens.Count || !Inline(text, tokens[k], tokens[k + 1]) || IsSeparator(tokens[k + 1], norm[k + 1]))
            {
                return true;
            }

            if (!IsNameWord(tokens[k + 1], norm[k + 1]))
            {
                return false;
            }
        }

        return false;
    }

    // A title that opens a line (after nothing but signature cues) and is followed only by name-like
    // words up to the end of the line or a separator such as "-" or "،": the whole run is the name.
    private static int? SignatureLineEnd(string text, IReadOnlyList<WordToken> tokens, string[] norm, int title, int first)
    {
        for (var k = title - 1; k >= 0 && Inline(text, tokens[k], tokens[k + 1]); k--)
        {
            if (tokens[k].Kind == WordTokenKind.Punctuation && norm[k] is "." or "!" or "?" or "\u061F" or "-" or "|" or ":" or "," or "\u060C" or ";" or "\u061B" or "(" or ")" or "\"")
            {
                break;
            }

            if (tokens[k].IsWordLike && !NameLexicon.SignatureCues.Contains(norm[k]))
            {
                return null;
            }
        }

        var end = first;
        while (end + 1 < tokens.Count && Inline(text, tokens[end], tokens[end + 1]))
        {
            if (tokens[end + 1].Kind == WordTokenKind.Punctuation)
            {
                // A signature ends at a separator; anything else (a placeholder's "[", a quote) is not a signature line.
                return IsSeparator(tokens[end + 1], norm[end + 1]) ? end : null;
            }

            var nameLike = tokens[end + 1].Kind == WordTokenKind.OtherWord
                ? char.IsUpper(text[tokens[end + 1].Start])
                : IsNameWord(tokens[end + 1], norm[end + 1]) || IsAmbiguous(norm[end + 1]) || (Linkers.Contains(norm[end]) && tokens[end + 1].Kind is WordTokenKind.ArabicWord or WordTokenKind.OtherWord);
            if (!nameLike || end + 1 - first >= MaxNameWords)
            {
                return null;
            }

            end++;
        }

        return end;
    }

    private static bool IsNameWord(WordToken t, string normalized) =>
        t.Kind is WordTokenKind.ArabicWord or WordTokenKind.OtherWord && normalized.Length > 1 && !NameLexicon.Stopwords.Contains(normalized)
        && !NameLexicon.DefiniteTitles.Contains(normalized) && !NameLexicon.BareTitles.Contains(normalized);

    // True when only spaces or tabs (no line break) separate two tokens.
    private static bool Inline(string text, WordToken a, WordToken b)
    {
        for (var p = a.Start + a.Length; p < b.Start; p++)
        {
            if (text[p] is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return false;
            }
        }

        return true;
    }
}
