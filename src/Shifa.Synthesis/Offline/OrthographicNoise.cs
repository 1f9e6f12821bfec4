// Spelling variation as people really type Arabic on phones: hamza dropped, alef/ya/ta-marbuta swapped, letters stretched.
using System.Text;

namespace Shifa.Synthesis.Offline;

/// <summary>
/// Word-level orthographic noise. Each word is changed with probability <see cref="WordRate"/> by one
/// of: alef with hamza → bare alef (أ إ آ → ا); hamza on a seat dropped (ؤ → و, ئ → ي, lone ء removed);
/// final ya ↔ alef maqsura (ي ↔ ى); final ta marbuta → ha (ة → ه); elongation by tatweel (ـ) or a
/// repeated final letter. Harakat are always removed, since users rarely type them.
/// </summary>
public sealed class OrthographicNoise(double wordRate = 0.25)
{
    /// <summary>Probability that a word is changed.</summary>
    public double WordRate { get; } = wordRate is >= 0 and <= 1 ? wordRate : throw new ArgumentOutOfRangeException(nameof(wordRate), wordRate, "The rate is a probability between 0 and 1.");

    /// <summary>Applies the noise to <paramref name="text"/> with draws from <paramref name="rng"/>.</summary>
    public string Apply(string text, Random rng)
    {
        var sb = new StringBuilder(text.Length + 8);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && IsArabicLetter(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var word = string.Concat(text[start..i].Where(c => !IsHaraka(c)));
                sb.Append(rng.NextDouble() < WordRate ? Mutate(word, rng) : word);
                start = -1;
            }

            if (!isWordChar && i < text.Length && !IsHaraka(text[i]))
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private static string Mutate(string word, Random rng)
    {
        // Stretching is rarer than misspelling; it is chosen up front, never as a fallback, so words
        // without a hamza, ya or ta marbuta mostly stay as they are.
        if (rng.NextDouble() < ElongationShare)
        {
            return Elongate(word, rng);
        }

        var order = new[] { 0, 1, 2, 3 };
        rng.Shuffle(order);
        foreach (var k in order)
        {
            var changed = k switch
            {
                0 => word.Replace('أ', 'ا').Replace('إ', 'ا').Replace('آ', 'ا'),
                1 => word.Replace('ؤ', 'و').Replace('ئ', 'ي').Replace("ء", "", StringComparison.Ordinal),
                2 => word[^1] == 'ي' ? word[..^1] + 'ى' : word[^1] == 'ى' ? word[..^1] + 'ي' : word,
                _ => word[^1] == 'ة' ? word[..^1] + 'ه' : word,
            };
            if (changed != word && changed.Length > 0)
            {
                return changed;
            }
        }

        return word;
    }

    private const double ElongationShare = 0.12;

    private static string Elongate(string word, Random rng)
    {
        if (word.Length < 3)
        {
            return word;
        }

        if (rng.Next(2) == 0)
        {
            // Tatweel only joins letters that connect to the left, so place it after such a letter.
            for (var i = word.Length - 2; i >= 1; i--)
            {
                if (!NonJoining.Contains(word[i]))
                {
                    return word[..(i + 1)] + new string('ـ', 1 + rng.Next(3)) + word[(i + 1)..];
                }
            }
        }

        return word + new string(word[^1], 2 + rng.Next(3));
    }

    private const string NonJoining = "اأإآدذرزوؤةء";

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or 'ـ' || IsHaraka(c);

    private static bool IsHaraka(char c) => c is >= '\u064B' and <= '\u0652';
}
