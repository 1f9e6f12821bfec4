// Removes emoji sequences, replacing each with a space so neighbouring words stay apart.
using System.Buffers;
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Removes emoji (pictographs with their joiners, skin tones, variation selectors, keycaps and
/// tags; ranges in <c>EmojiCodePoints</c>), replacing each sequence by one space so that
/// <c>كويس😊جدا</c> becomes two words. Stray variation selectors and keycap marks are removed
/// too (the keycap's base digit is kept).
/// </summary>
public sealed class EmojiNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static EmojiNormalizer Instance { get; } = new();

    // Units that can start an emoji or a stray component: BMP pictographs and components, and surrogates.
    private static readonly SearchValues<char> Candidates = CharsWhere(c =>
        char.IsSurrogate(c) || EmojiCodePoints.IsPictograph(c) || EmojiCodePoints.IsComponent(c));

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.AsSpan().ContainsAny(Candidates))
        {
            return text;
        }

        StringBuilder? sb = null;
        var i = 0;
        while (i < text.Length)
        {
            var n = EmojiCodePoints.SequenceLength(text, i);
            var component = n == 0 && Rune.TryGetRuneAt(text, i, out var r) && r.Value is not 0x200D && EmojiCodePoints.IsComponent(r.Value)
                ? r.Utf16SequenceLength
                : 0;
            if (n == 0 && component == 0)
            {
                sb?.Append(text[i]);
                i++;
                continue;
            }

            sb ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (n > 0)
            {
                sb.Append(' ');
            }

            i += n > 0 ? n : component;
        }

        return sb?.ToString() ?? text;
    }
}
