// sacrebleu's tokenizers: 13a (mteval-v13a), intl (mteval-v14), char and none.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shifa.Evaluation.Metrics.Text;

namespace Shifa.Evaluation.Metrics.Bleu;

/// <summary>Tokenizes a segment the way sacrebleu's tokenizer of the same name does.</summary>
public static partial class BleuTokenizer
{
    /// <summary>Signature name of a tokenizer (<c>13a</c>, <c>intl</c>, <c>char</c>, <c>none</c>).</summary>
    public static string NameOf(BleuTokenization tokenization) => tokenization switch
    {
        BleuTokenization.Mteval13a => "13a",
        BleuTokenization.International => "intl",
        BleuTokenization.Character => "char",
        BleuTokenization.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(tokenization), tokenization, "Unknown BLEU tokenizer."),
    };

    /// <summary>Returns the tokenized line, tokens separated by single spaces.</summary>
    public static string Tokenize(string line, BleuTokenization tokenization) => tokenization switch
    {
        BleuTokenization.Mteval13a => Tokenize13a(line),
        BleuTokenization.International => TokenizeInternational(line),
        BleuTokenization.Character => string.Join(' ', line.EnumerateRunes().Select(r => r.ToString())),
        BleuTokenization.None => line,
        _ => throw new ArgumentOutOfRangeException(nameof(tokenization), tokenization, "Unknown BLEU tokenizer."),
    };

    private static string Tokenize13a(string line)
    {
        line = line.Replace("<skipped>", string.Empty, StringComparison.Ordinal)
            .Replace("-\n", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
        if (line.Contains('&', StringComparison.Ordinal))
        {
            line = line.Replace("&quot;", "\"", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal);
        }

        line = $" {line} ";
        line = Symbols13a().Replace(line, " $1 ");
        line = PeriodCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return string.Join(' ', PythonText.Split(line));
    }

    // The v14 rules are applied per code point (not per UTF-16 unit) so that emoji, which are
    // symbols outside the BMP, are split exactly like Python's `regex` module splits them.
    private static string TokenizeInternational(string line)
    {
        var runes = line.EnumerateRunes().ToList();
        runes = PairRule(runes, (a, b) => !IsNumber(a) && IsPunctuation(b), leadingSpace: false);
        runes = PairRule(runes, (a, b) => IsPunctuation(a) && !IsNumber(b), leadingSpace: true);
        var sb = new StringBuilder(line.Length * 2);
        foreach (var r in runes)
        {
            if (IsSymbol(r))
            {
                sb.Append(' ').Append(r.ToString()).Append(' ');
            }
            else
            {
                sb.Append(r.ToString());
            }
        }

        return string.Join(' ', PythonText.Split(sb.ToString()));
    }

    // One left-to-right, non-overlapping pass of a two-character substitution: "ab" → "a b " for
    // rule 1 (leadingSpace false) or " a b" for rule 2, matching re.sub.
    private static List<Rune> PairRule(List<Rune> input, Func<Rune, Rune, bool> matches, bool leadingSpace)
    {
        var space = new Rune(' ');
        var output = new List<Rune>(input.Count + 8);
        var i = 0;
        while (i < input.Count)
        {
            if (i + 1 < input.Count && matches(input[i], input[i + 1]))
            {
                if (leadingSpace)
                {
                    output.AddRange([space, input[i], space, input[i + 1]]);
                }
                else
                {
                    output.AddRange([input[i], space, input[i + 1], space]);
                }

                i += 2;
            }
            else
            {
                output.Add(input[i]);
                i++;
            }
        }

        return output;
    }

    private static bool IsNumber(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static bool IsPunctuation(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static bool IsSymbol(Rune r) => Rune.GetUnicodeCategory(r) is UnicodeCategory.MathSymbol
        or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;

    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Symbols13a();

    [GeneratedRegex(@"([^0-9])([\.,])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PeriodCommaAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PeriodCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DashAfterDigit();
}
