// Base of the single-concern text normalizers, shaped after Microsoft.ML.Tokenizers' Normalizer.
using System.Buffers;
using System.Text;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// One small, stateless text transformation. Implementations do exactly one thing (strip
/// diacritics, fold alef forms, map digits...) and are composed by <see cref="ArabicNormalizer"/>.
/// Each returns the input instance unchanged when there is nothing to do, so chains stay cheap.
/// </summary>
public abstract class TextNormalizer
{
    /// <summary>Returns the normalised form of <paramref name="text"/>.</summary>
    public abstract string Normalize(string text);

    /// <summary>
    /// Maps every UTF-16 unit through <paramref name="map"/> (which returns <c>'\0'</c> to drop a
    /// unit). Only units in <paramref name="candidates"/> may change; a vectorised search for them
    /// lets text with nothing to do return without a copy.
    /// </summary>
    protected static string MapChars(string text, SearchValues<char> candidates, Func<char, char> map)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(candidates);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var j = first; j < text.Length; j++)
        {
            var c = map(text[j]);
            if (c != '\0')
            {
                sb.Append(c);
            }
        }

        var result = sb.ToString();
        return result == text ? text : result;
    }

    /// <summary>The set of UTF-16 units for which <paramref name="predicate"/> holds (built once per normalizer).</summary>
    protected static SearchValues<char> CharsWhere(Func<char, bool> predicate)
    {
        var chars = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (predicate((char)c))
            {
                chars.Add((char)c);
            }
        }

        return SearchValues.Create([.. chars]);
    }
}
