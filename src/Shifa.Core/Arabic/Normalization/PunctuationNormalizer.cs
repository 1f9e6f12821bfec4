// Maps punctuation look-alikes to one canonical mark each; Arabic marks stay Arabic.
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Keeps Arabic punctuation (، ؛ ؟) but maps its variants to it (⹁ → ،, ⸮ → ؟), the Arabic
/// full stop ۔ to <c>.</c>, curly and angle quotes (“ ” « » „) to <c>"</c>, single quotes to
/// <c>'</c>, dashes to <c>-</c>, ellipsis to <c>...</c> and full-width ASCII punctuation to
/// ASCII. With <see cref="CollapseRepeats"/> a run of the same mark (<c>؟؟؟</c>, <c>!!!</c>,
/// <c>....</c>) becomes one, because repetition is emphasis, not content.
/// </summary>
public sealed class PunctuationNormalizer(bool collapseRepeats) : TextNormalizer
{
    /// <summary>Whether runs of the same punctuation mark collapse to one.</summary>
    public bool CollapseRepeats { get; } = collapseRepeats;

    /// <summary>Canonical form of one punctuation unit; null when the unit is not mapped.</summary>
    private static string? Map(char c) => c switch
    {
        '\u2E41' or '\u2E32' => "\u060C",
        '\u2E2E' => "\u061F",
        '\u06D4' => ".",
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => "\"",
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => "'",
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
        '\u2026' => "...",
        '\u066D' => "*",
        '\uFF01' => "!",
        '\uFF1F' => "?",
        '\uFF0C' => ",",
        '\uFF1B' => ";",
        '\uFF1A' => ":",
        '\uFF0E' => ".",
        _ => null,
    };

    private static bool IsCollapsible(char c) => c is '\u060C' or '\u061B' or '\u061F' or '!' or '?' or '.' or ',' or ';' or ':' or '-' or '"' or '\'';

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsWork(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var changed = false;
        foreach (var c in text)
        {
            var mapped = Map(c);
            if (mapped is null)
            {
                changed |= Append(sb, c);
            }
            else
            {
                changed = true;
                foreach (var m in mapped)
                {
                    Append(sb, m);
                }
            }
        }

        return changed ? sb.ToString() : text;
    }

    private bool NeedsWork(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Map(c) is not null || (CollapseRepeats && i > 0 && text[i - 1] == c && IsCollapsible(c)))
            {
                return true;
            }
        }

        return false;
    }

    // Returns true when the unit was dropped as a repeat.
    private bool Append(StringBuilder sb, char c)
    {
        if (CollapseRepeats && IsCollapsible(c) && sb.Length > 0 && sb[^1] == c)
        {
            return true;
        }

        sb.Append(c);
        return false;
    }
}
