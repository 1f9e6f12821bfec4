// Stage "foreign-language": runs of English words or letters of other scripts inside Arabic text.
using Shifa.Core.Records;
using Shifa.Curation.Pipeline;

namespace Shifa.Curation.Rules;

/// <summary>
/// Drops records where the generator slipped into another language: a run of more than
/// <see cref="CurationOptions.MaxLatinWordRun"/> consecutive Latin words (numbers and punctuation do
/// not break a run, an Arabic word does; isolated terms such as "MRI" or "HbA1c" pass), or more than
/// <see cref="CurationOptions.MaxOtherScriptLetters"/> letters of scripts other than Arabic and Latin.
/// </summary>
public sealed class LanguageLeakageFilter(CurationOptions options) : RecordRule
{
    /// <inheritdoc />
    public override StageIdentity Identity { get; } = StageIdentity.Of("foreign-language", FilterScope.PerRecord, "v1",
        new { options.MaxLatinWordRun, options.MaxOtherScriptLetters });

    /// <inheritdoc />
    public override FilterDecision Decide(QaRecord record, string normalizedQuestion, string normalizedAnswer)
    {
        var (runQ, otherQ) = Scan(record.Question);
        var (runA, otherA) = Scan(record.Answer);
        var other = otherQ + otherA;
        if (other > options.MaxOtherScriptLetters)
        {
            return FilterDecision.Drop(record.Id, "other-script", other);
        }

        var run = Math.Max(runQ, runA);
        return run > options.MaxLatinWordRun ? FilterDecision.Drop(record.Id, "latin-word-run", run) : FilterDecision.Ok(record.Id, run);
    }

    /// <summary>Longest run of Latin words and the number of letters from other scripts.</summary>
    public static (int LongestLatinRun, int OtherScriptLetters) Scan(string text)
    {
        int longest = 0, run = 0, other = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            bool latin = false, arabic = false;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsArabicMark(text[i])))
            {
                var c = text[i];
                if (IsArabic(c))
                {
                    arabic = true;
                }
                else if (IsLatin(c))
                {
                    latin = true;
                }
                else if (char.IsLetter(c))
                {
                    other++;
                }

                i++;
            }

            if (arabic)
            {
                run = 0;
            }
            else if (latin)
            {
                run++;
                longest = Math.Max(longest, run);
            }
        }

        return (longest, other);
    }

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    private static bool IsArabicMark(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640';

    private static bool IsLatin(char c) => char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F';
}
