// Base of the single-concern text normalizers, shaped after Microsoft.ML.Tokenizers' Normalizer.
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
    /// unit); allocates only when something changes.
    /// </summary>
    protected static string MapChars(string text, Func<char, char> map)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var m = map(text[i]);
            if (m == text[i])
            {
                continue;
            }

            var sb = new System.Text.StringBuilder(text.Length);
            sb.Append(text, 0, i);
            for (var j = i; j < text.Length; j++)
            {
                var c = map(text[j]);
                if (c != '\0')
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        return text;
    }
}
