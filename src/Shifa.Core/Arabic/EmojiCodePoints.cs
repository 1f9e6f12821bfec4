// The code point ranges Shifa treats as emoji, shared by the normalizer and the tokenizer.
using System.Text;

namespace Shifa.Core.Arabic;

/// <summary>
/// Emoji classification by code point ranges (no emoji data tables ship with .NET). Pictographs:
/// U+1F000–U+1FAFF, U+2600–U+27BF, U+2300–U+23FF, U+2B00–U+2BFF, U+3030, U+303D, U+3297, U+3299.
/// Components that only join or modify them: ZWJ U+200D, variation selectors U+FE0E/U+FE0F,
/// keycap U+20E3, skin tones U+1F3FB–U+1F3FF and tag characters U+E0020–U+E007F. Plain digits, <c>#</c> and <c>*</c> are never
/// emoji by themselves.
/// </summary>
internal static class EmojiCodePoints
{
    public static bool IsPictograph(int cp) => cp switch
    {
        >= 0x1F000 and <= 0x1FAFF => true,
        >= 0x2600 and <= 0x27BF => true,
        >= 0x2300 and <= 0x23FF => true,
        >= 0x2B00 and <= 0x2BFF => true,
        0x3030 or 0x303D or 0x3297 or 0x3299 => true,
        _ => false,
    };

    public static bool IsComponent(int cp) => cp is 0x200D or 0xFE0E or 0xFE0F or 0x20E3 or (>= 0xE0020 and <= 0xE007F) or (>= 0x1F3FB and <= 0x1F3FF);

    /// <summary>Length in UTF-16 units of the emoji sequence starting at <paramref name="start"/>, 0 when none starts there.</summary>
    public static int SequenceLength(string text, int start)
    {
        if (!Rune.TryGetRuneAt(text, start, out var first) || !IsPictograph(first.Value))
        {
            return 0;
        }

        var i = start + first.Utf16SequenceLength;
        while (i < text.Length && Rune.TryGetRuneAt(text, i, out var r) && (IsPictograph(r.Value) || IsComponent(r.Value)))
        {
            // A second pictograph continues the sequence only after a joiner or as a regional-indicator pair;
            // otherwise adjacent emoji are separate sequences.
            if (IsPictograph(r.Value) && !IsComponent(r.Value) && !(text[i - 1] == '\u200D' || IsRegionalPair(text, start, i, r.Value)))
            {
                break;
            }

            i += r.Utf16SequenceLength;
        }

        return i - start;
    }

    private static bool IsRegionalPair(string text, int start, int at, int cp) =>
        cp is >= 0x1F1E6 and <= 0x1F1FF && at - start == 2 && Rune.TryGetRuneAt(text, start, out var f) && f.Value is >= 0x1F1E6 and <= 0x1F1FF;
}
