// Replaces or removes URLs (http, https, www.) so link targets do not count as text.
using System.Text.RegularExpressions;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Finds URLs starting with <c>http://</c>, <c>https://</c> or <c>www.</c> up to the next
/// whitespace, quote or comma (Latin or Arabic: a link glued to the next clause by a comma
/// is common, a comma inside a link is rare), not counting trailing punctuation (<c>.</c>, <c>،</c>, <c>)</c>...), and
/// replaces each with <see cref="Placeholder"/> or removes it.
/// </summary>
public sealed partial class UrlNormalizer : TextNormalizer
{
    /// <summary>The token a URL becomes in <see cref="UrlHandling.Placeholder"/> mode.</summary>
    public const string Placeholder = "<url>";

    private readonly UrlHandling _handling;

    /// <summary>Creates a normalizer; <see cref="UrlHandling.Keep"/> makes it a no-op.</summary>
    public UrlNormalizer(UrlHandling handling)
    {
        if (!Enum.IsDefined(handling))
        {
            throw new ArgumentOutOfRangeException(nameof(handling), handling, "Use Keep, Placeholder or Remove.");
        }

        _handling = handling;
    }

    /// <summary>Finds URLs; also used by the PII scrubber.</summary>
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'«»,،]*[^\s<>""'«».,;:!?)\]}،؛؟]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    internal static partial Regex UrlPattern();

    /// <inheritdoc />
    public override string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _handling switch
        {
            UrlHandling.Keep => text,
            UrlHandling.Placeholder => UrlPattern().Replace(text, Placeholder),
            _ => UrlPattern().Replace(text, " "),
        };
    }
}
