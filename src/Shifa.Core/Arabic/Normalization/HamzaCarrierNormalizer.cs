// Folds hamza on waw and ya to the bare carrier letter.
using System.Buffers;

namespace Shifa.Core.Arabic.Normalization;

/// <summary>Maps ؤ (U+0624) to و and ئ (U+0626) to ي; the hamza seat is often omitted in informal text.</summary>
public sealed class HamzaCarrierNormalizer : TextNormalizer
{
    /// <summary>Shared instance.</summary>
    public static HamzaCarrierNormalizer Instance { get; } = new();

    private static readonly Func<char, char> Map = c => c switch
    {
        '\u0624' => '\u0648',
        '\u0626' => '\u064A',
        _ => c,
    };

    private static readonly SearchValues<char> Candidates = CharsWhere(c => Map(c) != c);

    /// <inheritdoc />
    public override string Normalize(string text) => MapChars(text, Candidates, Map);
}
