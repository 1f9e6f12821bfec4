// BERT's basic tokenization, following Hugging Face transformers' BasicTokenizer (tokenization_bert.py).
using System.Globalization;
using System.Text;

namespace Shifa.Modeling.Architectures.Bert;

/// <summary>
/// Splits text the way BERT's basic tokenizer does before WordPiece: drop NUL, U+FFFD and control
/// characters (Unicode category C*, but not tab/newline), map whitespace to spaces, surround CJK
/// ideographs with spaces, normalize to NFC, split on whitespace, lowercase and strip accents when
/// uncased, and split every punctuation character (ASCII symbols and Unicode P*, so Arabic ، ؛ ؟
/// become tokens) into its own token. Works on code points, as Python does.
/// </summary>
public sealed class BertBasicTokenizer
{
    private readonly bool _lowerCase;
    private readonly bool _stripAccents;
    private readonly IReadOnlySet<string> _neverSplit;

    /// <summary>Creates a basic tokenizer.</summary>
    /// <param name="lowerCase">Uncased models: lowercase (and strip accents unless <paramref name="stripAccents"/> is false).</param>
    /// <param name="stripAccents">Null follows <paramref name="lowerCase"/>, as transformers does.</param>
    /// <param name="neverSplit">Tokens kept whole (the special tokens).</param>
    public BertBasicTokenizer(bool lowerCase, bool? stripAccents = null, IEnumerable<string>? neverSplit = null)
    {
        _lowerCase = lowerCase;
        _stripAccents = stripAccents ?? lowerCase;
        _neverSplit = new HashSet<string>(neverSplit ?? [], StringComparer.Ordinal);
    }

    /// <summary>Returns the basic tokens of <paramref name="text"/>.</summary>
    public List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = new StringBuilder(text.Length + 8);
        foreach (var r in text.EnumerateRunes())
        {
            if (r.Value == 0 || r.Value == 0xFFFD || IsControl(r))
            {
                continue;
            }

            if (IsWhitespace(r))
            {
                cleaned.Append(' ');
            }
            else if (IsCjk(r.Value))
            {
                cleaned.Append(' ').Append(r.ToString()).Append(' ');
            }
            else
            {
                cleaned.Append(r.ToString());
            }
        }

        var normalized = cleaned.ToString().Normalize(NormalizationForm.FormC);
        var output = new List<string>();
        foreach (var original in SplitWhitespace(normalized))
        {
            var token = original;
            if (!_neverSplit.Contains(token))
            {
                if (_lowerCase)
                {
                    token = token.ToLowerInvariant();
                }

                if (_stripAccents)
                {
                    token = StripAccents(token);
                }
            }

            SplitOnPunctuation(token, output);
        }

        return output;
    }

    private void SplitOnPunctuation(string token, List<string> output)
    {
        if (_neverSplit.Contains(token))
        {
            output.Add(token);
            return;
        }

        var current = new StringBuilder();
        foreach (var r in token.EnumerateRunes())
        {
            if (IsPunctuation(r))
            {
                if (current.Length > 0)
                {
                    output.Add(current.ToString());
                    current.Clear();
                }

                output.Add(r.ToString());
            }
            else
            {
                current.Append(r.ToString());
            }
        }

        if (current.Length > 0)
        {
            output.Add(current.ToString());
        }
    }

    private static string StripAccents(string token)
    {
        var sb = new StringBuilder(token.Length);
        foreach (var r in token.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(r) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(r.ToString());
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<string> SplitWhitespace(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsWhitespace(Rune r) =>
        r.Value is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(r) == UnicodeCategory.SpaceSeparator;

    private static bool IsControl(Rune r)
    {
        if (r.Value is '\t' or '\n' or '\r')
        {
            return false;
        }

        return Rune.GetUnicodeCategory(r) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;
    }

    /// <summary>BERT's punctuation: all non-alphanumeric ASCII symbols plus Unicode P* categories.</summary>
    public static bool IsPunctuation(Rune r)
    {
        var cp = r.Value;
        if (cp is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(r) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    private static bool IsCjk(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
