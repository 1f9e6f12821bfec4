// Splits text into words before byte-level BPE, with Unicode classes that keep vowelled Arabic words whole.
using System.Text.RegularExpressions;

namespace Shifa.Modeling.Tokenization;

/// <summary>
/// Splits text into pre-tokens: first at special-token strings, then with a regular expression so
/// that no merge crosses a word boundary. Shifa's patterns put combining marks (<c>\p{M}</c>) in the
/// letter class, because Arabic diacritics (fatha, shadda...) are marks and GPT-2's pattern would cut
/// a vowelled word at every one of them.
/// </summary>
public sealed partial class ByteLevelPreTokenizer
{
    /// <summary>
    /// The split of new Shifa vocabularies: Qwen3.5's expression, which keeps combining marks with letters
    /// (<c>[\p{L}\p{M}]+</c>) and which llama.cpp runs as pre-tokenizer type <c>qwen35</c>, so a GGUF export tokenizes
    /// vowelled Arabic exactly as Shifa does. Words take one leading non-letter (a space, or punctuation such as «),
    /// digits are single pre-tokens (Arabic-Indic ones too), and English contractions stay whole. Written in llama.cpp's
    /// spelling (case pairs instead of <c>(?i:…)</c>), which Hugging Face tokenizers read as the same expression.
    /// </summary>
    public const string Qwen35Pattern =
        @"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    // .NET matches UTF-16 units, where an emoji is two surrogates of category Cs; llama.cpp and Hugging Face match code
    // points, where it is one symbol. The only place that differs is the one-character prefix of a word, so there a
    // surrogate pair counts as one character (a symbol). Code points outside the BMP that are letters or digits
    // (historic scripts, mathematical alphanumerics) are symbols here: the documented limit of this port.
    private const string Qwen35DotNetPattern =
        @"(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|(?:[^\r\n\p{L}\p{N}\p{Cs}]|[\uD800-\uDBFF][\uDC00-\uDFFF])?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>
    /// The split of Shifa vocabularies trained before <see cref="Qwen35Pattern"/>: GPT-2's with <c>\p{M}</c> joined to
    /// letters. No llama.cpp pre-tokenizer reproduces it on text with diacritics; such vocabularies keep loading.
    /// </summary>
    public const string ShifaPattern =
        @"'(?:[sdmt]|ll|ve|re)| ?[\p{L}\p{M}]+| ?\p{N}+| ?[^\s\p{L}\p{M}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>GPT-2's original pattern, used for vocabularies that were trained with it.</summary>
    public const string Gpt2Pattern =
        @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private readonly (string Text, int Id)[] _specials;

    /// <summary>Creates a pre-tokenizer over <paramref name="regex"/> that isolates the given special tokens.</summary>
    public ByteLevelPreTokenizer(Regex regex, IReadOnlyDictionary<string, int> specialTokens)
    {
        ArgumentNullException.ThrowIfNull(regex);
        ArgumentNullException.ThrowIfNull(specialTokens);
        Regex = regex;
        // Longest first, so a special token that is a prefix of another never wins the tie.
        _specials = specialTokens.Where(kv => kv.Key.Length > 0)
            .OrderByDescending(kv => kv.Key.Length)
            .Select(kv => (kv.Key, kv.Value))
            .ToArray();
    }

    /// <summary>The word-splitting expression.</summary>
    public Regex Regex { get; }

    /// <summary>The pre-tokenizer of new vocabularies (<see cref="Qwen35Pattern"/>) with the given special tokens.</summary>
    public static ByteLevelPreTokenizer Default(IReadOnlyDictionary<string, int> specialTokens) =>
        new(Qwen35Regex(), specialTokens);

    /// <summary>The pre-tokenizer of earlier Shifa vocabularies (<see cref="ShifaPattern"/>) with the given special tokens.</summary>
    public static ByteLevelPreTokenizer Shifa(IReadOnlyDictionary<string, int> specialTokens) =>
        new(ShifaRegex(), specialTokens);

    /// <summary>A pre-tokenizer for an arbitrary pattern read from a <c>tokenizer.json</c>.</summary>
    public static Regex Compile(string pattern) =>
        pattern == Qwen35Pattern ? Qwen35Regex()
        : pattern == ShifaPattern ? ShifaRegex()
        : pattern == Gpt2Pattern ? Gpt2Regex()
        : new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>The compiled .NET form of <see cref="Qwen35Pattern"/> (surrogate pairs handled as single code points).</summary>
    [GeneratedRegex(Qwen35DotNetPattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    public static partial Regex Qwen35Regex();

    /// <summary>The compiled form of <see cref="ShifaPattern"/>.</summary>
    [GeneratedRegex(ShifaPattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    public static partial Regex ShifaRegex();

    /// <summary>The compiled form of <see cref="Gpt2Pattern"/>.</summary>
    [GeneratedRegex(Gpt2Pattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    public static partial Regex Gpt2Regex();

    /// <summary>Splits <paramref name="text"/> into spans that cover it completely and in order.</summary>
    public List<PreTokenSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<PreTokenSpan>();
        var position = 0;
        while (position < text.Length)
        {
            var (specialStart, specialText, specialId) = FindNextSpecial(text, position);
            var end = specialStart < 0 ? text.Length : specialStart;
            AddWords(text, position, end - position, spans);
            if (specialStart < 0)
            {
                break;
            }

            spans.Add(new PreTokenSpan(specialStart, specialText.Length, specialId));
            position = specialStart + specialText.Length;
        }

        return spans;
    }

    private (int Start, string Text, int Id) FindNextSpecial(string text, int from)
    {
        var best = (Start: -1, Text: "", Id: -1);
        foreach (var (special, id) in _specials)
        {
            var at = text.IndexOf(special, from, StringComparison.Ordinal);
            if (at >= 0 && (best.Start < 0 || at < best.Start))
            {
                best = (at, special, id);
            }
        }

        return best;
    }

    private void AddWords(string text, int start, int length, List<PreTokenSpan> spans)
    {
        if (length == 0)
        {
            return;
        }

        foreach (var match in Regex.EnumerateMatches(text.AsSpan(start, length)))
        {
            spans.Add(new PreTokenSpan(start + match.Index, match.Length, -1));
        }
    }
}
