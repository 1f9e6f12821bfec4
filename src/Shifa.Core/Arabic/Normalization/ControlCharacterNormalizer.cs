// Removes invisible format and control characters (zero-width, bidi marks and isolates, BOM, soft hyphen).
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Removes every Unicode format character (category Cf: ZWSP, ZWNJ, ZWJ, LRM/RLM, ALM, bidi
/// embeddings and isolates U+202A–U+202E/U+2066–U+2069, word joiner, BOM, soft hyphen) and C0/C1
/// control characters other than whitespace. Copy-pasted Arabic is full of bidi marks that make
/// equal strings compare unequal. With <see cref="KeepEmojiJoiners"/>, a ZWJ or tag character
/// that follows an emoji is kept so family and flag sequences survive in display text.
/// </summary>
public sealed class ControlCharacterNormalizer(bool keepEmojiJoiners) : TextNormalizer
{
    /// <summary>Whether joiners and tags inside emoji sequences are kept.</summary>
    public bool KeepEmojiJoiners { get; } = keepEmojiJoiners;

    // Units that can start something removable; surrogates stand in for supplementary Cf characters (tags).
    private static readonly SearchValues<char> Candidates = CharsWhere(c =>
        char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format || (char.IsControl(c) && !char.IsWhiteSpace(c)));

    private static bool IsRemovable(Rune r) =>
        Rune.GetUnicodeCategory(r) == UnicodeCategory.Format || (Rune.IsControl(r) && !Rune.IsWhiteSpace(r));

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(Candidates))
        {
            return text;
        }

        StringBuilder? sb = null;
        var previousIsEmoji = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!Rune.TryGetRuneAt(text, i, out var r))
            {
                // A lone surrogate is kept as is; it is not a control character.
                sb?.Append(text[i]);
                previousIsEmoji = false;
                i++;
                continue;
            }

            var keep = !IsRemovable(r) || (KeepEmojiJoiners && previousIsEmoji && EmojiCodePoints.IsComponent(r.Value));
            if (keep)
            {
                sb?.Append(text, i, r.Utf16SequenceLength);
                previousIsEmoji = EmojiCodePoints.IsPictograph(r.Value) || EmojiCodePoints.IsComponent(r.Value);
            }
            else
            {
                sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            }

            i += r.Utf16SequenceLength;
        }

        return sb?.ToString() ?? text;
    }
}
