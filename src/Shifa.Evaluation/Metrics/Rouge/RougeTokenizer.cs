// Word tokenizers for ROUGE: rouge-score's tokenize.py (Latin only) and a Unicode one that keeps Arabic.
using System.Text.RegularExpressions;

namespace Shifa.Evaluation.Metrics.Rouge;

/// <summary>Splits text into ROUGE tokens.</summary>
public static partial class RougeTokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> with the chosen scheme.</summary>
    public static IReadOnlyList<string> Tokenize(string text, RougeTokenization tokenization)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        var pattern = tokenization switch
        {
            RougeTokenization.Unicode => UnicodeWord(),
            RougeTokenization.LatinOnly => LatinWord(),
            _ => throw new ArgumentOutOfRangeException(nameof(tokenization), tokenization, "Unknown ROUGE tokenizer."),
        };
        return pattern.Matches(lower).Select(m => m.Value).ToList();
    }

    // Surrogate pairs are matched as \p{Cs} and so never join a word; emoji separate tokens.
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnicodeWord();

    [GeneratedRegex("[a-z0-9]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LatinWord();
}
