// Share of Arabic letters among all letters, for the "Arabic only" check on generated text.
namespace Shifa.Synthesis.Prompts;

internal static class ArabicLetters
{
    public static double Ratio(string text)
    {
        int letters = 0, arabic = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch))
            {
                continue;
            }

            letters++;
            if (ch is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
            {
                arabic++;
            }
        }

        return letters == 0 ? 0 : (double)arabic / letters;
    }
}
