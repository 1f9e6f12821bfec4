namespace Shifa.Evaluation.Tests.Metrics;

// Shared Arabic test strings: diacritics, tatweel, mixed Latin, Arabic punctuation, Arabic-Indic
// digits, emoji and dialect spellings (لازم).
internal static class ArabicSamples
{
    public const string Hypothesis = "يُعاني المريضُ من ألمٍ في الصـــدر منذ ٣ أيام، هل يحتاج إلى ECG؟ 😟";
    public const string Reference = "المريض يعاني من الم في الصدر من ٣ ايام، لازم يعمل تخطيط قلب ECG؟";
    public const string OtherReference = "نعم، يحتاج المريض إلى تخطيط القلب 🙂";
    public const string ShortHypothesis = "شكرا لك 🙂";
    public const string ShortReference = "شكراً جزيلاً";

    // A stand-in for the text branch's matching normalizer: removes harakat and tatweel and folds
    // alef forms, enough to show the hook changes scores in the expected direction.
    public static string FoldForTest(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is >= '\u064B' and <= '\u0652' || c == '\u0640')
            {
                continue;
            }

            sb.Append(c is 'أ' or 'إ' or 'آ' ? 'ا' : c);
        }

        return sb.ToString();
    }
}
