// Folds the hamzated and wasla alef forms to bare alef.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>
/// Maps أ (U+0623), إ (U+0625), آ (U+0622), ٱ (U+0671) and the rarer ٲ ٳ ٵ to bare alef ا
/// (U+0627): writers use them interchangeably in informal text.
/// </summary>
public sealed class AlefNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static AlefNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' or '\u0672' or '\u0673' or '\u0675' => '\u0627',
        _ => c,
    };

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
