namespace Shifa.Core.Arabic;

/// <summary>A token as an offset range into the original string plus its class.</summary>
/// <param name="Start">Index of the first UTF-16 unit in the original string.</param>
/// <param name="Length">Number of UTF-16 units.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct WordToken(int Start, int Length, WordTokenKind Kind)
{
    /// <summary>True for words and numbers, the tokens that count as words in length statistics.</summary>
    public bool IsWordLike => Kind is WordTokenKind.ArabicWord or WordTokenKind.OtherWord or WordTokenKind.Number;

    /// <summary>The token's text in <paramref name="source"/>.</summary>
    public string TextOf(string source) => source.Substring(Start, Length);
}
