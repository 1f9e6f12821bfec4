// Tokens per word: how many pieces a tokenizer cuts an average (Arabic) word into.
using System.Text.RegularExpressions;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Fertility = tokens / words over a set of texts. Lower is better: a tokenizer that needs 4 tokens
/// per Arabic word spends 4× the context and compute of one that needs 1, which is the main thing a
/// user compares when choosing a base model for Arabic. Words are runs of letters, marks and digits.
/// </summary>
public static partial class TokenizerFertility
{
    /// <summary>Measures <paramref name="tokenizer"/> on <paramref name="texts"/>.</summary>
    public static FertilityReport Measure(ITextTokenizer tokenizer, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(texts);
        long words = 0, tokens = 0, characters = 0;
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            words += WordRegex().Count(text);
            tokens += tokenizer.Encode(text).Length;
            characters += text.Length;
        }

        return new FertilityReport(words, tokens, characters);
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex WordRegex();
}
