// Collapses whitespace runs; optionally keeps line and paragraph breaks for display text.
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Maps every Unicode whitespace (NBSP, thin spaces, tabs, ideographic space...) to a plain
/// space, collapses runs to one and trims the ends. With <see cref="KeepLineBreaks"/> line
/// breaks (CR, LF, CRLF, U+2028, U+2029, NEL) survive as <c>\n</c>, spaces around them are
/// trimmed and at most one empty line is kept, because answers use line breaks for lists.
/// </summary>
public sealed class WhitespaceNormalizer(bool keepLineBreaks, bool tightenPunctuation = false) : TextNormalizer
{
    /// <summary>Whether line breaks are kept (display) or become spaces (matching).</summary>
    public bool KeepLineBreaks { get; } = keepLineBreaks;

    /// <summary>
    /// Whether a space before closing punctuation (<c>، ؛ ؟ . , ; : ! ? ) ] }</c>) is dropped, so
    /// <c>مرتفع ؟</c> matches <c>مرتفع؟</c>; a mark repeated across such a space is kept once.
    /// </summary>
    public bool TightenPunctuation { get; } = tightenPunctuation;

    private bool IsClosingPunctuation(char c) => TightenPunctuation && c is '\u060C' or '\u061B' or '\u061F' or '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}';

    // Fast path: only single inner spaces (and, when kept, single or double LF between non-space characters).
    private bool IsAlreadyNormal(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (!char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c == ' ')
            {
                if (char.IsWhiteSpace(text[i - 1]) || char.IsWhiteSpace(text[i + 1]) || IsClosingPunctuation(text[i + 1]))
                {
                    return false;
                }
            }
            else if (c == '\n' && KeepLineBreaks)
            {
                var doubled = text[i + 1] == '\n';
                if (char.IsWhiteSpace(text[i - 1]) || (doubled && (i + 2 >= text.Length || char.IsWhiteSpace(text[i + 2]))) || (!doubled && char.IsWhiteSpace(text[i + 1])))
                {
                    return false;
                }

                i += doubled ? 1 : 0;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\u000B' or '\u000C';

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAlreadyNormal(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreaks = 0;
        var lastWasCr = false;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                if (sb.Length > 0)
                {
                    if (pendingBreaks > 0)
                    {
                        sb.Append('\n', Math.Min(pendingBreaks, 2));
                    }
                    else if (pendingSpace && !IsClosingPunctuation(c))
                    {
                        sb.Append(' ');
                    }
                }

                // Tightening ". ." must not leave a ".." that a punctuation pass would collapse later.
                var repeat = pendingSpace && pendingBreaks == 0 && IsClosingPunctuation(c) && sb.Length > 0 && sb[^1] == c;
                pendingSpace = false;
                pendingBreaks = 0;
                if (!repeat)
                {
                    sb.Append(c);
                }
            }
            else if (KeepLineBreaks && IsLineBreak(c))
            {
                // CRLF counts as one break: a LF right after a CR adds nothing.
                if (!(c == '\n' && lastWasCr))
                {
                    pendingBreaks++;
                }
            }
            else
            {
                pendingSpace = true;
            }

            lastWasCr = c == '\r';
        }

        var result = sb.ToString();
        return result == text ? text : result;
    }
}
