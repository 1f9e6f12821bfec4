// Folds alef maqsura (and the Farsi yeh typed on Persian keyboards) to ya.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Maps ى (U+0649 alef maqsura) and ی (U+06CC Farsi yeh) to ي (U+064A): final ya is written
/// either way (<c>مستشفى</c>/<c>مستشفي</c>).
/// </summary>
public sealed class AlefMaqsuraNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static AlefMaqsuraNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c is '\u0649' or '\u06CC' ? '\u064A' : c;

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
