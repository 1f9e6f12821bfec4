// A pre-tokenizer that returns offsets into the original string, after Microsoft.ML.Tokenizers' PreTokenizer.
using System.Globalization;
using System.Text;

namespace Shifa.Core.Arabic;

/// <summary>
/// Splits text into Arabic words, other-script words, numbers, emoji and punctuation, returning
/// offsets into the original string (no copies, so callers can map results back to the text a
/// person wrote). Diacritics and tatweel stay inside their word; a change of script splits
/// (<c>بالـMRI</c> → <c>بالـ</c>, <c>MRI</c>); <c>،</c> <c>؛</c> <c>؟</c> are punctuation.
/// </summary>
public static class ArabicWordTokenizer
{
    /// <summary>
    /// Word-like tokens (Arabic words, other words, numbers) and emoji, as (start, length) spans
    /// into <paramref name="text"/>. Punctuation and whitespace are separators.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> Tokenize(string text)
    {
        var all = TokenizeWithKinds(text);
        var spans = new List<(int Start, int Length)>(all.Count);
        foreach (var t in all)
        {
            if (t.Kind != WordTokenKind.Punctuation)
            {
                spans.Add((t.Start, t.Length));
            }
        }

        return spans;
    }

    /// <summary>Number of word-like tokens (words and numbers; not emoji or punctuation).</summary>
    public static int CountWords(string text)
    {
        var n = 0;
        foreach (var t in TokenizeWithKinds(text))
        {
            if (t.IsWordLike)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Every token including punctuation, with its kind.</summary>
    public static IReadOnlyList<WordToken> TokenizeWithKinds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<WordToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, i, out var r))
            {
                // Unpaired surrogate: broken input, treated as a symbol so no text is lost.
                tokens.Add(new WordToken(i, 1, WordTokenKind.Punctuation));
                i++;
                continue;
            }

            var emoji = EmojiCodePoints.SequenceLength(text, i);
            if (emoji == 0 && KeycapLength(text, i) is var keycap and > 0)
            {
                emoji = keycap;
            }

            if (emoji > 0)
            {
                tokens.Add(new WordToken(i, emoji, WordTokenKind.Emoji));
                i += emoji;
                continue;
            }

            if (Rune.IsWhiteSpace(r) || Rune.GetUnicodeCategory(r) == UnicodeCategory.Format || Rune.IsControl(r) || EmojiCodePoints.IsComponent(r.Value))
            {
                i += r.Utf16SequenceLength;
                continue;
            }

            var start = i;
            WordTokenKind kind;
            if (ArabicScript.IsArabicLetter(r) || IsArabicMark(r) || r.Value == 0x0640)
            {
                kind = WordTokenKind.ArabicWord;
                i = Scan(text, i, x => ArabicScript.IsArabicLetter(x) || x.Value == 0x0640 || IsMark(x));
            }
            else if (Rune.IsLetter(r))
            {
                kind = WordTokenKind.OtherWord;
                i = Scan(text, i, x => (Rune.IsLetter(x) && !ArabicScript.IsArabicLetter(x) && x.Value != 0x0640) || IsMark(x) || Rune.IsDigit(x) || x.Value == '\'');
                while (text[i - 1] == '\'')
                {
                    i--;
                }
            }
            else if (Rune.IsDigit(r))
            {
                kind = WordTokenKind.Number;
                i = ScanNumber(text, i);
            }
            else
            {
                kind = WordTokenKind.Punctuation;
                i += r.Utf16SequenceLength;
            }

            tokens.Add(new WordToken(start, i - start, kind));
        }

        return tokens;
    }

    // A keycap emoji (1️⃣, #️⃣) is a digit, # or * followed by an optional VS16 and U+20E3.
    private static int KeycapLength(string text, int i)
    {
        if (text[i] is not ((>= '0' and <= '9') or '#' or '*'))
        {
            return 0;
        }

        var j = i + 1;
        if (j < text.Length && text[j] == '\uFE0F')
        {
            j++;
        }

        return j < text.Length && text[j] == '\u20E3' ? j + 1 - i : 0;
    }

    private static bool IsMark(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        && !EmojiCodePoints.IsComponent(r.Value);

    private static bool IsArabicMark(Rune r) => r.Value is (>= 0x0610 and <= 0x061A) or (>= 0x064B and <= 0x065F) or 0x0670 or (>= 0x06D6 and <= 0x06ED);

    // Advances while runes satisfy the predicate; a joiner (ZWNJ/ZWJ) inside the run is kept when a matching rune follows it.
    private static int Scan(string text, int i, Func<Rune, bool> inWord)
    {
        while (i < text.Length && Rune.TryGetRuneAt(text, i, out var r))
        {
            if (inWord(r))
            {
                i += r.Utf16SequenceLength;
            }
            else if (r.Value is 0x200C or 0x200D && i + 1 < text.Length && Rune.TryGetRuneAt(text, i + 1, out var next) && inWord(next) && !IsMark(next))
            {
                i += 1;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length)
        {
            if (Rune.TryGetRuneAt(text, i, out var r) && (Rune.IsDigit(r)))
            {
                i += r.Utf16SequenceLength;
            }
            else if (text[i] is '.' or ',' or '/' or ':' or '\u066B' or '\u066C' && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }
}
