// A small hand-written table of everyday MSA words and their dialect equivalents in patient questions.
namespace Shifa.Synthesis.Offline;

/// <summary>
/// Replaces common MSA function and everyday words with their Egyptian, Levantine, Gulf or Maghrebi
/// equivalents, whole words only (an attached و or ف is kept). Medical terms are never replaced.
/// </summary>
public static class DialectLexicon
{
    /// <summary>Dialects the table covers.</summary>
    public static IReadOnlyList<string> Dialects { get; } = ["egyptian", "levantine", "gulf", "maghrebi"];

    // MSA word → (egyptian, levantine, gulf, maghrebi).
    private static readonly Dictionary<string, string[]> Table = new(StringComparer.Ordinal)
    {
        ["ماذا"] = ["إيه", "شو", "وش", "شنو"],
        ["لماذا"] = ["ليه", "ليش", "ليش", "علاش"],
        ["كيف"] = ["إزاي", "كيف", "شلون", "كيفاش"],
        ["متى"] = ["إمتى", "إيمتى", "متى", "فوقاش"],
        ["أين"] = ["فين", "وين", "وين", "فين"],
        ["أريد"] = ["عايز", "بدي", "أبغى", "بغيت"],
        ["الآن"] = ["دلوقتي", "هلق", "الحين", "دابا"],
        ["جدا"] = ["أوي", "كتير", "وايد", "بزاف"],
        ["كثيرا"] = ["أوي", "كتير", "وايد", "بزاف"],
        ["هذا"] = ["ده", "هاد", "هذا", "هادا"],
        ["هذه"] = ["دي", "هاي", "هذي", "هادي"],
        ["ليس"] = ["مش", "مش", "مو", "ماشي"],
        ["يوجد"] = ["فيه", "في", "فيه", "كاين"],
        ["قليلا"] = ["شوية", "شوي", "شوي", "شوية"],
        ["شيء"] = ["حاجة", "شي", "شي", "حاجة"],
        ["جيد"] = ["كويس", "منيح", "زين", "مزيان"],
        ["أيضا"] = ["كمان", "كمان", "بعد", "حتى"],
        ["ذهبت"] = ["رحت", "رحت", "رحت", "مشيت"],
        ["أعرف"] = ["عارف", "بعرف", "أدري", "عرفت"],
        ["الطبيب"] = ["الدكتور", "الدكتور", "الدكتور", "الطبيب"],
        ["طفلي"] = ["ابني", "ابني", "ولدي", "ولدي"],
        ["أشعر"] = ["حاسس", "حاسس", "أحس", "كنحس"],
    };

    /// <summary>Replaces table words in <paramref name="text"/> for <paramref name="dialect"/>; MSA and unknown dialects return the text unchanged.</summary>
    public static string Apply(string text, string dialect)
    {
        var column = Dialects.ToList().IndexOf(dialect);
        if (column < 0)
        {
            return text;
        }

        var parts = text.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            var (lead, core, tail) = Split(parts[i]);
            if (Table.TryGetValue(core, out var variants))
            {
                parts[i] = lead + variants[column] + tail;
            }
            else if (core.Length > 2 && core[0] is 'و' or 'ف' && Table.TryGetValue(core[1..], out variants))
            {
                parts[i] = lead + core[0] + variants[column] + tail;
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>Number of table entries (documentation and tests).</summary>
    public static int Count => Table.Count;

    private static (string Lead, string Core, string Tail) Split(string token)
    {
        int a = 0, b = token.Length;
        while (a < b && !char.IsLetter(token[a])) { a++; }
        while (b > a && !char.IsLetter(token[b - 1])) { b--; }
        return (token[..a], token[a..b], token[b..]);
    }
}
