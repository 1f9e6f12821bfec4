// A small Arabic medical corpus written for these tests: diacritics, tatweel, dialect, mixed scripts, Arabic punctuation and digits, emoji.
namespace Shifa.Modeling.Tests.Tokenization;

internal static class ArabicCorpus
{
    public static readonly string[] Sentences =
    [
        "أعاني من صداع شديد منذ ثلاثة أيام، فما السبب؟",
        "عندي ألم في المعدة بعد الأكل؛ هل هو قرحة؟",
        "يجب مراجعة الطبيب فوراً إذا ارتفعت الحرارة فوق ٣٩ درجة.",
        "المَرِيضُ يَشْكُو مِنْ ضِيقٍ فِي التَّنَفُّسِ.",
        "طفلي عمره ٥ سنوات وعنده كحة وسخونة 🤒، شو أعمل؟",
        "ابني عنده حساسية من البنسلين (penicillin)، هل يأخذ amoxicillin؟",
        "الضغـــط عندي ١٤٠/٩٠ وأحياناً أحس بدوخة.",
        "أنصحك بشرب الماء بكثرة والراحة التامة 💧.",
        "هل يمكن تناول الباراسيتامول 500mg مع المضاد الحيوي؟",
        "إزاي أعرف إن عندي سكر؟ بحس بعطش كتير.",
        "الحمل في الشهر الثالث مع نزيف خفيف، هل هذا طبيعي؟",
        "ننصح بإجراء تحليل دم شامل CBC وفحص وظائف الغدة الدرقية TSH.",
    ];

    /// <summary>The sentences repeated with numbered variations, enough for a few hundred merges.</summary>
    public static IEnumerable<string> Repeated(int times)
    {
        for (var i = 0; i < times; i++)
        {
            foreach (var sentence in Sentences)
            {
                yield return $"{sentence} ({i})";
            }
        }
    }
}
