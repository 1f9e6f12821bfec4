// Folds ta marbuta to ha.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Maps ة (U+0629) to ه (U+0647): patients commonly write <c>الدوره</c> for <c>الدورة</c>.
/// Optional in <see cref="ArabicNormalizerOptions"/> because it merges some distinct words.
/// </summary>
public sealed class TaMarbutaNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static TaMarbutaNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c == '\u0629' ? '\u0647' : c;

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
